package org.heard.triage.stage;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.triage.MentionTriage;
import org.heard.triage.TriageInput;
import org.heard.triage.TriageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags mentions with the CoreNLP triage. The models load in the background when the application
 * starts (they take a while), so start-up and health are not held up; the first batch waits for them.
 */
class CoreNlpTagger implements MentionTagger, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoreNlpTagger.class);

    private final CompletableFuture<MentionTriage> triage;
    private final Clock clock;

    CoreNlpTagger(java.util.function.Supplier<MentionTriage> loader, Clock clock) {
        this.clock = clock;
        this.triage = new CompletableFuture<>();
        Thread.ofPlatform().name("heard-triage-model-loader").daemon().start(() -> {
            long started = System.nanoTime();
            try {
                var loaded = loader.get();
                log.info(
                        "Triage models loaded in {} ms ({})",
                        (System.nanoTime() - started) / 1_000_000,
                        loaded.model());
                triage.complete(loaded);
            } catch (Throwable e) {
                log.error("Triage models failed to load; triage is paused", e);
                triage.completeExceptionally(e);
            }
        });
    }

    boolean ready() {
        return triage.isDone() && !triage.isCompletedExceptionally();
    }

    @Override
    public List<MentionTriaged> tag(List<MentionReceived> mentions) {
        var nlp = triage.join();
        var inputs = mentions.stream().map(CoreNlpTagger::input).toList();
        List<TriageResult> results = nlp.triageAll(inputs);
        var at = clock.instant();
        var tagged = new java.util.ArrayList<MentionTriaged>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            var mention = mentions.get(i);
            var result = results.get(i);
            tagged.add(new MentionTriaged(
                    mention.mentionId(),
                    mention.conversationId(),
                    mention.channel(),
                    result.sentiment(),
                    result.services(),
                    result.urgency(),
                    inText(mention, result.personalData()),
                    result.model(),
                    at,
                    sentencesInText(mention, result.sentences())));
        }
        return tagged;
    }

    /** Sentences are scored over subject + text; the desk highlights them in the text. */
    static List<ScoredSentence> sentencesInText(MentionReceived mention, List<ScoredSentence> sentences) {
        int shift = subjectLength(mention);
        return sentences.stream()
                .filter(sentence -> sentence.start() >= shift)
                .map(sentence -> new ScoredSentence(
                        sentence.start() - shift, sentence.end() - shift, sentence.label(), sentence.score()))
                .toList();
    }

    /** Spans are triaged over subject + text; the index keeps them relative to the text. */
    static List<PersonalData> inText(MentionReceived mention, List<PersonalData> spans) {
        int shift = subjectLength(mention);
        if (shift == 0) {
            return spans;
        }
        return spans.stream()
                .filter(span -> span.start() >= shift)
                .map(span -> new PersonalData(span.type(), span.start() - shift, span.end() - shift))
                .toList();
    }

    private static int subjectLength(MentionReceived mention) {
        return mention.subject() == null || mention.subject().isBlank()
                ? 0
                : subject(mention).length() + SEPARATOR.length();
    }

    private static final String SEPARATOR = "\n\n";
    /**
     * How much of a subject triage reads: a subject line is a few words; a 100,000-character one is
     * an attack or an accident and must not cost the mentions behind it a minute (the whole subject
     * stays stored and searchable).
     */
    static final int MAX_SUBJECT_CHARS = 500;

    private static String subject(MentionReceived mention) {
        String subject = mention.subject();
        if (subject.length() <= MAX_SUBJECT_CHARS) {
            return subject;
        }
        int end = MAX_SUBJECT_CHARS;
        if (Character.isHighSurrogate(subject.charAt(end - 1))) {
            end--;
        }
        return subject.substring(0, end);
    }

    /** The subject is part of what the patient said (an email subject, a story title). */
    static TriageInput input(MentionReceived mention) {
        String text = mention.subject() == null || mention.subject().isBlank()
                ? mention.text()
                : subject(mention) + SEPARATOR + mention.text();
        return new TriageInput(
                mention.mentionId().value(), text, mention.channel(), mention.serviceHints(), mention.attributes());
    }

    @Override
    public void close() {
        triage.thenAccept(MentionTriage::close);
    }
}
