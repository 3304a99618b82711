/**
 * What every channel shares: the connector contract and its health ({@link org.heard.ingest.channel.ChannelStatus},
 * the one staleness rule), sending replies ({@link org.heard.ingest.channel.ReplySender}), the health
 * endpoint's "channels" entry, the reports of each account's state to the desk over Kafka, and which
 * instance polls which account ({@link org.heard.ingest.channel.ChannelLeases}: one instance alone, or
 * shared among ingest instances by a Kafka consumer group so that each account is polled by exactly one of them).
 */
package org.heard.ingest.channel;
