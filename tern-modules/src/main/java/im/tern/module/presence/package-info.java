/**
 * RFC 6121 sections 3 and 4: presence subscriptions (with the state tables of Appendix A) and
 * presence exchange: initial presence and probes, broadcasts, directed presence, unavailable on
 * logout. Everything arrives through the core's hooks; roster changes are pushed with
 * {@link im.tern.module.roster.RosterPush}.
 */
package im.tern.module.presence;
