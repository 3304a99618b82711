package org.heard.ingest.email;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeskJson;
import org.heard.contracts.RereadRequested;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The email channel's side of the desk's dead-letter Retry: requests on {@code heard.reread-requests.v1},
 * read by one ingest instance of the group, so the desk need not run the email channel itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
class EmailRereadConfiguration {

    /** The desk's dead-letter Retry for email arrives here as a request on Kafka, wherever the desk runs. */
    @Bean
    EmailRereads emailRereads(EmailChannel channel, EventPublisher publisher, ObjectProvider<Clock> clock) {
        return new EmailRereads(channel, publisher, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> emailRereadListenerFactory(
            ConsumerFactory<String, byte[]> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        // Kafka down while publishing the outcome: keep the request and try again, never drop it.
        var backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    EmailRereadListener emailRereadListener(EmailRereads rereads) {
        return new EmailRereadListener(rereads);
    }

    static class EmailRereadListener {

        static final String GROUP = "heard-email-reread";

        private final EmailRereads rereads;

        EmailRereadListener(EmailRereads rereads) {
            this.rereads = rereads;
        }

        @KafkaListener(
                id = GROUP,
                groupId = GROUP,
                topics = "#{T(org.heard.contracts.Topics).REREAD_REQUESTS.name()}",
                containerFactory = "emailRereadListenerFactory")
        void onRereadRequested(ConsumerRecord<String, byte[]> record) {
            RereadRequested request;
            try {
                request = DeskJson.read(record.value(), RereadRequested.class);
            } catch (DeskJson.UnreadableRecord e) {
                rereads.publish(
                        Topics.DEAD_LETTERS,
                        rereads.unreadableRequest(
                                "reread-" + record.partition() + "-" + record.offset(),
                                e.getMessage(),
                                record.value()));
                return;
            }
            rereads.reread(request);
        }
    }
}
