/**
 * What every channel shares: the health of each account ({@link org.heard.ingest.channel.ChannelConnector}),
 * sending replies ({@link org.heard.ingest.channel.ReplySender}), and which instance polls which
 * account ({@link org.heard.ingest.channel.ChannelLeases}: one instance alone, or shared among ingest
 * instances by a Kafka consumer group so that each account is polled by exactly one of them).
 */
package org.heard.ingest.channel;
