/**
 * The single-machine default: services Heard starts itself when none are configured, so a newcomer
 * runs one command. {@link org.heard.platform.embedded.EmbeddedKafka} is a real single-node KRaft
 * broker in-process whose data survives restarts; {@link org.heard.platform.embedded.EmbeddedElasticsearch}
 * is the real Elasticsearch server, unpacked, secured and run as a managed child process that dies
 * with the app. {@link org.heard.platform.embedded.ElasticsearchClients} is the one way the app and
 * the tests build their Elasticsearch client.
 */
package org.heard.platform.embedded;
