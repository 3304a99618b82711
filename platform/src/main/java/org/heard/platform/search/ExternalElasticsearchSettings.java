package org.heard.platform.search;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An external Elasticsearch cluster ({@code spring.elasticsearch.uris}, {@code .username},
 * {@code .password}). When the URIs are set, Heard starts no node of its own.
 */
@ConfigurationProperties("spring.elasticsearch")
record ExternalElasticsearchSettings(List<URI> uris, String username, String password) {

    static final String URIS = "spring.elasticsearch.uris";

    ElasticsearchEndpoint endpoint() {
        return new ElasticsearchEndpoint(uris, username, password);
    }
}
