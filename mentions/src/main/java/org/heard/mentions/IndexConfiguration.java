package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The index's parts, each made once the schema is in place. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(initMethod = "ensureExists")
    MentionIndexSchema mentionIndexSchema(ElasticsearchClient client) {
        return new MentionIndexSchema(client);
    }

    @Bean
    TagWriter tagWriter(MentionIndexSchema schema, ElasticsearchClient client) {
        return new TagWriter(client);
    }

    @Bean
    StaffWrites staffWrites(MentionIndexSchema schema, ElasticsearchClient client) {
        return new StaffWrites(client);
    }

    @Bean
    MentionSearch mentionSearch(MentionIndexSchema schema, ElasticsearchClient client) {
        return new MentionSearch(client);
    }
}
