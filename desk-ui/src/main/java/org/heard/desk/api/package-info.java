/**
 * The JSON API for integrations (incident systems, BI tools) and staff scripts: search mentions
 * page by page with a stable cursor, read a conversation, reply through the desk's own checks
 * (with {@code Idempotency-Key}), work a mention, and stream new mentions as server-sent events.
 * Callers are integrations with a token or staff with HTTP Basic (see {@code security}); every
 * read and action goes through {@code mentions}, so the caller's scope applies. The OpenAPI
 * description is served at {@code /api/openapi.json}. See docs/api.md.
 */
package org.heard.desk.api;
