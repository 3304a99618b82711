package org.heard.platform.embedded;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.heard.contracts.DeskJson;

/** Builds the Elasticsearch client the app and the tests share: basic auth, Heard's JSON mapper. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    public static ElasticsearchClient create(URI uri, String username, String password) {
        return create(List.of(uri), username, password);
    }

    public static ElasticsearchClient create(List<URI> uris, String username, String password) {
        var hosts = uris.stream().map(uri -> new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort())).toArray(HttpHost[]::new);
        var builder = Rest5Client.builder(hosts);
        if (username != null && !username.isBlank()) {
            var token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + token)});
        }
        var transport = new Rest5ClientTransport(builder.build(), new Jackson3JsonpMapper(DeskJson.mapper()));
        return new ElasticsearchClient(transport);
    }
}
