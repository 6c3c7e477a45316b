/**
 * XEP-0030: Service Discovery. disco#info and disco#items for the server and, on their behalf, for
 * accounts (bare JIDs), answered to the account itself and to contacts it shares presence with.
 * Features hosted on accounts (PEP) add identities, items and node answers through the
 * {@link im.tern.module.disco.AccountInfoQuery} and {@link im.tern.module.disco.AccountItemsQuery} hooks.
 */
package im.tern.module.disco;
