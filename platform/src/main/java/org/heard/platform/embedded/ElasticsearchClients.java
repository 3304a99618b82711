package org.heard.platform.embedded;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way Heard builds its Elasticsearch client, for the embedded node and an external
 * cluster alike, so the app and the tests talk to Elasticsearch the same way.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** A client signing every request in with basic auth; close it to release its connections. */
    public static ElasticsearchClient create(URI uri, String username, String password) {
        return create(uri, username, password, JsonMapper.builder().findAndAddModules().build());
    }

    /** As {@link #create(URI, String, String)}, mapping documents with the application's JSON mapper. */
    public static ElasticsearchClient create(URI uri, String username, String password, JsonMapper mapper) {
        Rest5Client http = Rest5Client.builder(uri)
                .setDefaultHeaders(new Header[] {
                    new BasicHeader("Authorization", EmbeddedElasticsearch.basicAuthorization(username, password))})
                .build();
        return new ElasticsearchClient(new Rest5ClientTransport(http, new Jackson3JsonpMapper(mapper)));
    }
}
