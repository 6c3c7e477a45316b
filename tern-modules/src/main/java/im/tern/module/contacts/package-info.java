/**
 * Contact discovery ({@code urn:tern:contacts:0} and {@code POST /v1/contacts/discover},
 * docs/contacts-and-privacy.md): which numbers of an address book have accounts, optionally added to the
 * roster. {@link im.tern.module.contacts.NumberLookups} caps the new numbers an account may look up a day, so
 * nobody can enumerate the user base; the profile API counts against the same cap.
 */
package im.tern.module.contacts;
