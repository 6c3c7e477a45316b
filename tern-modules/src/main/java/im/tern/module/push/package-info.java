/**
 * XEP-0357: Push Notifications. A device registers an app server (a JID and a pubsub node, with an
 * optional publish-options form) on its account; when a message arrives that no device can take now
 * (none available, or every available one has a dropped connection waiting for XEP-0198 resumption),
 * the server publishes a wake-up notification to each registered app server.
 *
 * <p><b>Privacy.</b> The notification says only that there is one new message: the summary form carries
 * {@code message-count} and nothing else. No body, no sender, no subject, no encrypted payload and no
 * message id leave the server; the app server and the platform push service behind it (APNs, FCM) learn
 * only that the account got something, and when. The device connects and fetches the message itself.
 *
 * <p>Registrations are kept in the {@link im.tern.store.DocumentStore}, one document per account. A
 * publish answered with an error from the app server ends that registration (XEP-0357 section 8,
 * "Publish Errors"), unless the error is of type {@code wait}. Pushes to one registration are
 * coalesced: at most one per window (one second by default), since a notification carries no content
 * and the woken device fetches everything waiting.
 */
package im.tern.module.push;
