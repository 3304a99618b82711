package org.heard.desk.deadletters;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.kafka.BatchListeners;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Dead letters on the desk. One consumer group for all desk instances: each dead letter is shelved
 * once, and it is there even if it was published while every desk was down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class DeadLettersConfiguration {

    static final String GROUP = "heard-dead-letters";

    @Bean(initMethod = "ensureExists")
    DeadLetterShelf deadLetterShelf(ElasticsearchClient client) {
        return new DeadLetterShelf(client);
    }

    @Bean
    DeadLetterCounts deadLetterCounts(DeadLetterShelf shelf) {
        return new DeadLetterCounts(shelf);
    }

    @Bean
    DeadLetterDesk deadLetterDesk(DeadLetterShelf shelf, EventPublisher publisher, Clock clock) {
        return new DeadLetterDesk(shelf, Retries.of(publisher, clock), clock);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> deadLetterListenerFactory(
            ConsumerFactory<String, byte[]> consumerFactory) {
        // Elasticsearch down: keep the batch and try again; a dead letter is never dropped.
        return BatchListeners.retryingForever(consumerFactory, 1, 0);
    }

    @Bean
    DeadLetterListener deadLetterListener(DeadLetterShelf shelf, Clock clock) {
        return new DeadLetterListener(new DeadLetterIntake(shelf, clock));
    }

    static class DeadLetterListener {

        private final DeadLetterIntake intake;

        DeadLetterListener(DeadLetterIntake intake) {
            this.intake = intake;
        }

        @KafkaListener(
                id = GROUP,
                groupId = GROUP,
                topics = "#{T(org.heard.contracts.Topics).DEAD_LETTERS.name()}",
                containerFactory = "deadLetterListenerFactory",
                batch = "true")
        void onDeadLetters(List<ConsumerRecord<String, byte[]>> records) {
            intake.take(records);
        }
    }
}
