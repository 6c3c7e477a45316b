/**
 * Sign-up by phone number over HTTP (docs/signup.md, docs/api/openapi.yaml): a code sent by SMS proves the
 * number ({@code POST /v1/verifications}), the code makes or takes over the account whose JID is the
 * number's digits and returns a fresh token that is its XMPP password ({@code POST /v1/accounts}), and an
 * optional two-step PIN guards re-registration ({@code PUT/DELETE /v1/account/pin}). Abuse limits per
 * number, address and number prefix are counted in the database.
 */
package im.tern.module.signup;
