/** XEP-0054: vcard-temp. An account's vCard, kept in the document store under {@code vcard-temp}. */
package im.tern.module.vcard;
