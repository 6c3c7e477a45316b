/**
 * Profiles ({@code /v1/profile}, docs/contacts-and-privacy.md): an account's display name and "about" text.
 * Others see the name always and the "about" text as the account's privacy settings allow; older XMPP
 * clients see both through vcard-temp, filtered the same way (see {@code im.tern.module.vcard}).
 */
package im.tern.module.profile;
