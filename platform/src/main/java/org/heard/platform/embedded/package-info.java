/**
 * The single-machine default: services Heard starts inside its own process when none are configured,
 * so a newcomer runs one command. {@link org.heard.platform.embedded.EmbeddedKafka} is a real
 * single-node KRaft broker whose data survives restarts in a directory of its own.
 */
package org.heard.platform.embedded;
