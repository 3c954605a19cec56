/**
 * Build notifications: a build ready or rejected becomes a {@link dev.slipway.notify.Notice}, which
 * the ingest hands to a {@link dev.slipway.notify.Notifier} (SNS when deployed, the webhook sender
 * in {@code slipway local}). Webhook bodies are signed with {@link dev.slipway.notify.WebhookSignature}.
 */
package dev.slipway.notify;
