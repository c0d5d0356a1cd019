/**
 * Alerts by webhook (Flyway V8__webhooks.sql): an organisation subscribes a URL to events (band-change, threshold,
 * model-version, stale-data); every observed event becomes one delivery row per matching subscription, signed the
 * Standard Webhooks way and sent by a worker off the request threads, retried with exponential backoff and
 * dead-lettered after the last attempt. URLs pass an SSRF check when registered and again, on the resolved address
 * the worker then connects to, at every attempt.
 */
package io.sanctionsrisk.risk.webhook;
