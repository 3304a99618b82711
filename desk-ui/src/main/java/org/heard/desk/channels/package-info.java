/**
 * The Channels page: each email mailbox, X account and Care Opinion subscription with its state as
 * the ingest instances report it over Kafka ({@link org.heard.contracts.Topics#CHANNEL_STATUS}), the
 * account's unanswered mentions from the index, token-expiry warnings and "no report from ingest"
 * when the heartbeats stop. Read-only: settings change in deployment, not here.
 */
package org.heard.desk.channels;
