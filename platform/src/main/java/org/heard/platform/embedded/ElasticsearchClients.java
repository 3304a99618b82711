package org.heard.platform.embedded;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.heard.contracts.DeskJson;

/**
 * The one way Heard builds its Elasticsearch client, for the embedded node and an external
 * cluster alike, so the app and the tests talk to Elasticsearch the same way: basic auth, and
 * documents mapped with the contracts' JSON rules ({@link DeskJson}).
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    /** A client signing every request in with basic auth; close it to release its connections. */
    public static ElasticsearchClient create(URI uri, String username, String password) {
        return create(List.of(uri), username, password);
    }

    /** A client for a cluster reached at any of the given nodes. */
    public static ElasticsearchClient create(List<URI> uris, String username, String password) {
        return create(uris, username, password, null);
    }

    /**
     * A client for a cluster reached at any of the given nodes, checking {@code https://} nodes'
     * certificates with {@code tls} (null: the JVM's default trust).
     */
    public static ElasticsearchClient create(List<URI> uris, String username, String password, SSLContext tls) {
        var hosts = uris.stream()
                .map(uri -> new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
                .toArray(HttpHost[]::new);
        var builder = Rest5Client.builder(hosts);
        if (tls != null) {
            builder.setSSLContext(tls);
        }
        if (username != null && !username.isBlank()) {
            builder.setDefaultHeaders(new Header[] {
                new BasicHeader("Authorization", EmbeddedElasticsearch.basicAuthorization(username, password))
            });
        }
        return new ElasticsearchClient(
                new Rest5ClientTransport(builder.build(), new Jackson3JsonpMapper(DeskJson.mapper())));
    }
}
