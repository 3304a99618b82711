package org.heard.desk.retriage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.time.Duration;
import org.heard.desk.deadletters.DeadLetterCounts;
import org.heard.mentions.MentionSearch;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(RetriageSettings.class)
class RetriageConfiguration {

    @Bean(initMethod = "ensureExists")
    RetriageJobs retriageJobs(ElasticsearchClient client) {
        return new RetriageJobs(client);
    }

    @Bean
    Retriage retriage(
            RetriageJobs jobs,
            MentionSearch index,
            DeadLetterCounts deadLetters,
            EventPublisher publisher,
            RetriageSettings settings,
            Clock clock) {
        return new Retriage(jobs, index, deadLetters, publisher, settings, clock, Duration.ofMillis(500));
    }
}
