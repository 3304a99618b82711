/**
 * The test harness other modules share through platform's test-jar: one real Elasticsearch node
 * per test JVM ({@link org.heard.platform.testing.TestElasticsearch}), started on first use.
 */
package org.heard.platform.testing;
