/**
 * The test harness other modules' integration tests share through platform's test-jar: one real
 * embedded Kafka broker per test JVM, and small helpers to create topics and read what was produced.
 */
package org.heard.platform.testing;
