/**
 * What the modules' HTTP APIs share: JSON bodies read strictly (media type, size, known fields only),
 * errors as RFC 9457 problem details, HTTP Basic credentials, and blocking work handed to the pool with
 * back-pressure. Sign-up uses it first; contact discovery and the business API are meant to.
 */
package im.tern.module.api;
