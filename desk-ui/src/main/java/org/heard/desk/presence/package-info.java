/**
 * Who is looking at or drafting a reply to which mention, so two people never answer the same
 * patient twice — across every desk instance behind the load balancer. Each instance announces its
 * visits as beats on a short-lived Kafka topic and reads everyone's; a visit elsewhere ends when its
 * instance says it left or when its beats stop for the timeout (the instance died).
 */
package org.heard.desk.presence;
