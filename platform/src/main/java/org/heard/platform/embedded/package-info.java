/**
 * The single-machine default for search: a real Elasticsearch node that Heard unpacks, configures
 * and runs as a managed child process when no Elasticsearch is configured, so a newcomer starts
 * everything with one command. Owns the node's lifecycle (unpack, secure configuration, start,
 * readiness, stop, no orphans) and the one way the app builds its Elasticsearch client
 * ({@link org.heard.platform.embedded.ElasticsearchClients}).
 */
package org.heard.platform.embedded;
