/**
 * XEP-0030: Service Discovery. disco#info and disco#items for the server and, on their behalf, for
 * accounts (bare JIDs), answered to the account itself and to contacts it shares presence with.
 */
package im.tern.module.disco;
