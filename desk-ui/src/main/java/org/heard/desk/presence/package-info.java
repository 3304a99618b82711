/**
 * Who is looking at or drafting a reply to which mention, so two people never answer the same
 * patient twice. Kept in this instance's memory: with several desk instances behind a load
 * balancer, people on different instances do not see each other yet (a compacted Kafka topic
 * of presence beats would carry it across).
 */
package org.heard.desk.presence;
