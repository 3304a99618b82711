/**
 * What every channel shares: the connector contract and its health ({@link org.heard.ingest.channel.ChannelStatus},
 * the one staleness rule), sending replies ({@link org.heard.ingest.channel.ReplySender}), the health
 * endpoint's "channels" entry, and the reports of each account's state to the desk over Kafka.
 */
package org.heard.ingest.channel;
