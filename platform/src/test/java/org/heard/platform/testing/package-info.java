/**
 * The test harness every module's integration tests use: a real Kafka broker ({@link
 * org.heard.platform.testing.TestKafka}) and a real Elasticsearch node ({@link
 * org.heard.platform.testing.TestElasticsearch}), each started once per test JVM on free ports,
 * without Docker; {@link org.heard.platform.testing.HeardIntegrationTest} points a Spring Boot test at them.
 */
package org.heard.platform.testing;
