/**
 * Privacy settings ({@code urn:tern:privacy:0} and {@code /v1/privacy}, docs/contacts-and-privacy.md): who may
 * see an account's last seen, online status, photo and "about" text, and who may add it to groups, each
 * {@code everyone}, {@code contacts} (on the account's roster) or {@code nobody}. {@link
 * im.tern.module.privacy.Privacy} is the check every feature that serves such data asks; this package also
 * turns available presence into unavailable for those who may not see the account online.
 */
package im.tern.module.privacy;
