package org.heard.triage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.contracts.Sentiment;
import org.heard.triage.catalogue.ServiceCatalogue;

/**
 * Tags a mention with sentiment, services, urgency and personal-data spans. Models are loaded once by
 * {@link #load} (a few seconds) and shared: {@link #triage} may be called from any number of threads.
 */
public final class MentionTriage implements AutoCloseable {

    private final Nlp nlp;
    private final TriageModels models;
    private final SentimentReader sentiment;
    private final ServiceMatcher services;
    private final UrgencyRules urgency;
    private final PersonalDataFinder personalData;
    private final ServiceCatalogue catalogue;
    private final TriageSettings settings;
    private final ExecutorService workers;
    private final String model;

    private MentionTriage(TriageSettings settings, Nlp nlp, ServiceCatalogue catalogue, TriageModels models) {
        String trainedOn = models.record().getProperty(TriageModels.EMBEDDING_KEY);
        if (trainedOn != null && !trainedOn.equals(Embedder.MODEL_ID)) {
            throw new IllegalStateException("The triage models " + models.version() + " learned from " + trainedOn
                    + " embeddings, but triage embeds with " + Embedder.MODEL_ID
                    + ": retrain them (train --corrections) before loading them");
        }
        this.settings = settings;
        this.nlp = nlp;
        this.catalogue = catalogue;
        this.models = models;
        this.sentiment = new SentimentReader(models.sentiment());
        this.services = new ServiceMatcher(
                catalogue,
                nlp,
                models.service(),
                models.threshold(TriageModels.SERVICE_THRESHOLD_KEY, 0.6),
                models.threshold(TriageModels.SIMILARITY_THRESHOLD_KEY, 0.74));
        this.urgency = new UrgencyRules(models.careful(), models.carefulThresholds());
        this.personalData = new PersonalDataFinder();
        this.workers = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        this.model = "heard-triage/" + models.version() + " corenlp/4.5.10 " + Embedder.MODEL_ID;
    }

    /** Loads CoreNLP, the embedding model and the learned heads (shipped, or {@link TriageSettings#models()}). */
    public static MentionTriage load(TriageSettings settings) {
        TriageSettings chosen = settings == null ? TriageSettings.defaults() : settings;
        ServiceCatalogue catalogue = ServiceCatalogue.load(chosen.catalogue());
        TriageModels models = TriageModels.shippedOr(chosen.models());
        return new MentionTriage(chosen, Nlp.load(), catalogue, models);
    }

    /**
     * The same models with another service catalogue: a catalogue change without loading CoreNLP
     * again. Close it on its own; the models stay with this one.
     */
    public MentionTriage withCatalogue(ServiceCatalogue other) {
        return new MentionTriage(settings, nlp, other, models);
    }

    /** The same CoreNLP and embedding with other learned heads (a retrained set, compared before use). */
    public MentionTriage withModels(TriageModels other) {
        return new MentionTriage(settings, nlp, catalogue, other);
    }

    public TriageModels models() {
        return models;
    }

    Nlp nlp() {
        return nlp;
    }

    SentimentReader sentimentReader() {
        return sentiment;
    }

    ServiceMatcher serviceMatcher() {
        return services;
    }

    UrgencyRules urgencyRules() {
        return urgency;
    }

    PersonalDataFinder personalDataFinder() {
        return personalData;
    }

    public ServiceCatalogue catalogue() {
        return catalogue;
    }

    /** Which models made the tags (stored with each result, so tags can be traced and re-run). */
    public String model() {
        return model;
    }

    public TriageResult triage(TriageInput input) {
        String text = input.text();
        Analysis analysis = nlp.analyse(capped(text, settings.maxAnalysedChars()));
        Integer criticality = input.criticality();
        SentimentReader.Reading reading = sentiment.read(analysis);
        Sentiment feeling = withCriticality(reading.sentiment(), criticality);
        UrgencyRules.Assessment assessed = urgency.assessFully(analysis, feeling, criticality);
        return new TriageResult(
                input.id(),
                inDistress(feeling, assessed.distress()),
                services.match(analysis, input.serviceHints()),
                assessed.urgency(),
                personalData.find(capped(text, settings.maxScannedChars()), analysis),
                model,
                reading.sentences());
    }

    /** How strongly the mention reads as needing a careful reply first (0 .. 1), for evaluation. */
    public double carefulScore(TriageInput input) {
        return urgency.carefulScore(nlp.analyse(capped(input.text(), settings.maxAnalysedChars())));
    }

    /** Triage of many mentions on all worker threads; results in input order. */
    public List<TriageResult> triageAll(List<TriageInput> inputs) {
        return Parallel.map(inputs, this::triage, workers);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * The first {@code limit} characters, cut at a word boundary: the models' cost grows with length,
     * and one huge mention must not hold up the ones behind it.
     */
    static String capped(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(' ', limit);
        int end = cut > limit / 2 ? cut : limit;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The story site's own rating is the author's or moderator's judgement of the whole story: where
     * it is clear (|criticality| >= 2) it decides the label, and the text's score is pulled towards it.
     */
    /**
     * A mention saying someone is at risk from themselves now never reads as positive: the heads read
     * "I can't keep myself safe tonight" as praise (staff who kept someone safe), and a crisis plotted
     * as praise, or missed by a "negative" filter, is the worst error triage can make. The sentences
     * that say so are the evidence. Only the present risk rules do this (UrgencyRules.Assessment).
     */
    private static Sentiment inDistress(Sentiment read, List<String> distress) {
        if (distress.isEmpty() || read.label() == Sentiment.Label.NEGATIVE) {
            return read;
        }
        double score = Math.min(-0.5, -Math.abs(read.score()));
        return new Sentiment(Sentiment.Label.NEGATIVE, Math.round(score * 1000) / 1000.0, distress);
    }

    private static Sentiment withCriticality(Sentiment fromText, Integer criticality) {
        if (criticality == null || Math.abs(criticality) < 2) {
            return fromText;
        }
        double score = Math.max(-1, Math.min(1, (fromText.score() + criticality / 5.0) / 2));
        Sentiment.Label label = criticality < 0 ? Sentiment.Label.NEGATIVE : Sentiment.Label.POSITIVE;
        // Evidence stays text of the mention: the text's own evidence when it agrees, else none.
        List<String> evidence = label == fromText.label() ? fromText.evidence() : List.of();
        return new Sentiment(label, Math.round(score * 1000) / 1000.0, evidence);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "triage-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
