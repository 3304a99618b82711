/**
 * Heard on a local cluster without Docker: three Kafka brokers (KRaft, in the test JVM), two
 * Elasticsearch nodes, a mail server, and Heard instances as child JVMs that can really crash.
 * {@link org.heard.cluster.LocalClusterIT} proves exactly-once results through a crash and a broker
 * loss; {@link org.heard.cluster.ClusterScalingBenchmark} prints throughput and failover latency.
 */
package org.heard.cluster;
