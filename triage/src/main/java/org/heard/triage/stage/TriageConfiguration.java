package org.heard.triage.stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.TagWriter;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.kafka.BatchListeners;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.MentionTriage;
import org.heard.triage.TriageSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/** The triage role: a consumer group on the mentions topic; more instances share its partitions. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.TRIAGE)
class TriageConfiguration {

    static final String GROUP = "heard-triage";

    /** The CoreNLP triage; models load in the background so start-up is not held up. */
    @Bean
    @ConditionalOnProperty(name = "heard.triage.nlp", havingValue = "true", matchIfMissing = true)
    CoreNlpTagger coreNlpTagger(
            @Value("${heard.triage.catalogue:}") String catalogue,
            @Value("${heard.triage.threads:0}") int threads,
            @Value("${heard.triage.max-analysed-chars:" + TriageSettings.DEFAULT_MAX_ANALYSED_CHARS + "}")
                    int maxAnalysedChars,
            @Value("${heard.triage.max-scanned-chars:" + TriageSettings.DEFAULT_MAX_SCANNED_CHARS + "}")
                    int maxScannedChars,
            @Value("${heard.triage.model-dir:}") String modelDir,
            Clock clock) {
        // model-dir: heads retrained on the trust's corrections (the train command's output); an
        // admin's re-triage job then applies them to the mentions already in the desk.
        var settings = new TriageSettings(
                catalogue.isBlank() ? null : Path.of(catalogue),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                maxAnalysedChars,
                Math.max(maxAnalysedChars, maxScannedChars),
                modelDir.isBlank() ? null : Path.of(modelDir));
        return new CoreNlpTagger(() -> MentionTriage.load(settings), clock);
    }

    /** Without NLP ({@code heard.triage.nlp=false}): channel hints only, neutral, normal urgency. */
    @Bean
    @ConditionalOnProperty(name = "heard.triage.nlp", havingValue = "false")
    MentionTagger channelHintTagger(Clock clock) {
        return new ChannelHintTagger(clock);
    }

    @Bean
    TriageStage triageStage(MentionTagger tagger, TagWriter index, EventPublisher publisher, Clock clock) {
        return new TriageStage(tagger, index, publisher, clock);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> triageListenerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, @Value("${heard.triage.concurrency:1}") int concurrency) {
        // Elasticsearch or Kafka down: keep the batch, back off up to 30 s between tries, never give up.
        return BatchListeners.retryingForever(consumerFactory, concurrency, 0);
    }

    @Bean
    TriageListener triageListener(TriageStage stage) {
        return new TriageListener(stage);
    }

    static final String RETRIAGE_GROUP = "heard-retriage";

    @Bean
    RetriageStage retriageStage(
            MentionTagger tagger, MentionSearch mentions, TagWriter writer, EventPublisher publisher, Clock clock) {
        return new RetriageStage(tagger, mentions, writer, publisher, clock);
    }

    /**
     * Re-triage has its own consumer group and one consumer taking small batches, so between two of
     * its batches the live mentions get the tagger: a large job slows down, live triage does not.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> retriageListenerFactory(
            ConsumerFactory<String, byte[]> consumerFactory,
            @Value("${heard.triage.retriage-batch-size:20}") int batchSize) {
        return BatchListeners.retryingForever(consumerFactory, 1, Math.max(1, batchSize));
    }

    @Bean
    RetriageListener retriageListener(RetriageStage stage) {
        return new RetriageListener(stage);
    }

    static class RetriageListener {

        private final RetriageStage stage;

        RetriageListener(RetriageStage stage) {
            this.stage = stage;
        }

        @KafkaListener(
                id = RETRIAGE_GROUP,
                groupId = RETRIAGE_GROUP,
                topics = "#{T(org.heard.contracts.Topics).RETRIAGE.name()}",
                containerFactory = "retriageListenerFactory",
                batch = "true")
        void onRequests(List<ConsumerRecord<String, byte[]>> records) {
            stage.process(records);
        }
    }

    static class TriageListener {

        private final TriageStage stage;

        TriageListener(TriageStage stage) {
            this.stage = stage;
        }

        @KafkaListener(
                id = GROUP,
                groupId = GROUP,
                topics = "#{T(org.heard.contracts.Topics).MENTIONS.name()}",
                containerFactory = "triageListenerFactory",
                batch = "true")
        void onMentions(List<ConsumerRecord<String, byte[]>> records) {
            stage.process(records);
        }
    }
}
