/**
 * Linked devices (WhatsApp's multi-device): the primary device makes a short-lived link code, a new device
 * (web client, CLI) redeems it for credentials of its own on the same account, and the devices are listed and
 * revoked over the HTTP API. See docs/devices.md and docs/decisions/0011-linked-device-credentials.md.
 */
package im.tern.module.devices;
