/**
 * XEP-0363: HTTP File Upload. A slot request IQ to the domain reserves a random id within the account's
 * quotas and answers PUT and GET URLs on the server's HTTPS port; the PUT streams the body to a
 * {@link im.tern.module.upload.BlobStore} (a temporary file renamed into place when complete), the GET serves
 * it with single byte ranges. A collector removes expired files, unused slots and orphaned blobs. See
 * docs/upload.md.
 */
package im.tern.module.upload;
