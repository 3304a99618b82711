package org.heard.desk.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.inbox.MentionFeed;
import org.heard.desk.mentions.InboxQueries;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(ApiStreamSettings.class)
class ApiConfiguration {

    @Bean(destroyMethod = "close")
    IdempotencyKeys idempotencyKeys(ElasticsearchClient client, Clock clock) {
        var keys = new IdempotencyKeys(client, clock);
        keys.ensureExists();
        keys.start();
        return keys;
    }

    /** The description's frame: what the API is and how to log in; the paths come from the controllers. */
    @Bean
    OpenAPI heardApi() {
        return new OpenAPI()
                .info(new Info().title("Heard API").version("1")
                        .description("Search mentions, read conversations, reply personally on the patient's channel and stream"
                                + " new mentions, within the caller's scope. See docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An integration's API token (heard.api.clients)"))
                        .addSecuritySchemes("staff", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A member of staff's username and password")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("staff"));
    }

    @Bean(destroyMethod = "close")
    MentionStream mentionStream(MentionFeed feed, InboxQueries queries, AuditTrail audit, ApiStreamSettings settings) {
        return new MentionStream(feed, queries, audit, settings.heartbeat(), settings.timeout());
    }
}
