/**
 * XEP-0054: vcard-temp. An account's vCard, kept in the document store under {@code vcard-temp}. Others get it
 * as the account's privacy settings allow (no DESC or PHOTO when "about" or the photo is hidden from them), with
 * the profile's display name and "about" text filled in where the vCard has none.
 */
package im.tern.module.vcard;
