package org.heard.platform.search;

import java.net.URI;
import java.util.List;

/** Where Heard's Elasticsearch is and how to log in: an external cluster, or the embedded node. */
public record ElasticsearchEndpoint(List<URI> uris, String username, String password) {

    public ElasticsearchEndpoint {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("Elasticsearch needs at least one URI");
        }
        uris = List.copyOf(uris);
    }

    @Override
    public String toString() {
        return "ElasticsearchEndpoint" + uris + (username == null ? "" : " as " + username);
    }
}
