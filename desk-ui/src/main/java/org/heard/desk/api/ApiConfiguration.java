package org.heard.desk.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.Clock;
import org.heard.contracts.WireEnum;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.inbox.MentionFeed;
import org.heard.desk.mentions.InboxQueries;
import org.heard.mentions.MentionSearch;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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
        return ApiDescription.frame();
    }

    @Bean
    ModelConverter wireEnumSchemas() {
        return new ApiDescription.WireEnumSchemas();
    }

    @Bean
    OpenApiCustomizer commonAnswers() {
        return ApiDescription.commonAnswers();
    }

    /** Query parameters of a {@link WireEnum} type read by their wire names ({@code channel=walk-in}). */
    @Bean
    WebMvcConfigurer wireEnumParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new WireEnumParameters());
            }
        };
    }

    @Bean
    CorrectionLines correctionLines(ActivityLog activity, MentionSearch mentions) {
        return new CorrectionLines(activity, mentions);
    }

    @Bean(destroyMethod = "close")
    MentionStream mentionStream(MentionFeed feed, InboxQueries queries, ApiStreamSettings settings) {
        return new MentionStream(feed, queries, settings.heartbeat(), settings.timeout());
    }
}
