/**
 * What every stage shares: the Kafka and Elasticsearch wiring, the single-machine embedded default
 * (an in-process KRaft broker and a managed Elasticsearch node), the roles that switch stages on and
 * off, and durable checkpoints. The test harness lives in this module's test-jar.
 */
package org.heard.platform;
