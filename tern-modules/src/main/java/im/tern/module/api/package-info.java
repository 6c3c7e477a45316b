/**
 * What the modules' HTTP APIs share: JSON bodies read strictly (media type, size, known fields only),
 * errors as RFC 9457 problem details, HTTP Basic credentials checked against the account's token
 * ({@link im.tern.module.api.AccountAuth}), and blocking work handed to the pool with back-pressure. Sign-up,
 * contact discovery, profiles and privacy settings use it; the business API is meant to.
 */
package im.tern.module.api;
