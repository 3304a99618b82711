package org.heard.triage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
    private final SentimentClassifier sentiment;
    private final ServiceMatcher services;
    private final UrgencyRules urgency;
    private final PersonalDataFinder personalData;
    private final ServiceCatalogue catalogue;
    private final TriageSettings settings;
    private final ExecutorService workers;
    private final String model;

    private MentionTriage(TriageSettings settings, Nlp nlp, ServiceCatalogue catalogue, SentimentClassifier sentiment) {
        this.settings = settings;
        this.nlp = nlp;
        this.catalogue = catalogue;
        this.sentiment = sentiment;
        this.services = new ServiceMatcher(catalogue, nlp);
        this.urgency = new UrgencyRules();
        this.personalData = new PersonalDataFinder();
        this.workers = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        this.model = "heard-triage/" + modelVersion() + " corenlp/4.5.10";
    }

    public static MentionTriage load(TriageSettings settings) {
        TriageSettings chosen = settings == null ? TriageSettings.defaults() : settings;
        ServiceCatalogue catalogue = ServiceCatalogue.load(chosen.catalogue());
        return new MentionTriage(chosen, Nlp.load(), catalogue, SentimentClassifier.shipped());
    }

    /**
     * The same models with another service catalogue: a catalogue change without loading CoreNLP
     * again. Close it on its own; the models stay with this one.
     */
    public MentionTriage withCatalogue(ServiceCatalogue other) {
        return new MentionTriage(settings, nlp, other, sentiment);
    }

    Nlp nlp() {
        return nlp;
    }

    SentimentClassifier sentimentClassifier() {
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
        Analysis analysis = nlp.analyse(analysed(text));
        Integer criticality = input.criticality();
        Sentiment feeling = withCriticality(sentiment.classify(analysis), criticality);
        return new TriageResult(
                input.id(),
                feeling,
                services.match(analysis, input.serviceHints()),
                urgency.assess(analysis, feeling, criticality),
                personalData.find(text, analysis),
                model);
    }

    /** Triage of many mentions on all worker threads; results in input order. */
    public List<TriageResult> triageAll(List<TriageInput> inputs) {
        return Parallel.map(inputs, this::triage, workers);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** The text CoreNLP reads: long stories are cut at a word boundary, since tagging cost grows with length. */
    private String analysed(String text) {
        int limit = settings.maxAnalysedChars();
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(' ', limit);
        return text.substring(0, cut > limit / 2 ? cut : limit);
    }

    /**
     * The story site's own rating is the author's or moderator's judgement of the whole story: where
     * it is clear (|criticality| >= 2) it decides the label, and the text's score is pulled towards it.
     */
    private static Sentiment withCriticality(Sentiment fromText, Integer criticality) {
        if (criticality == null || Math.abs(criticality) < 2) {
            return fromText;
        }
        double score = Math.max(-1, Math.min(1, (fromText.score() + criticality / 5.0) / 2));
        Sentiment.Label label = criticality < 0 ? Sentiment.Label.NEGATIVE : Sentiment.Label.POSITIVE;
        List<String> evidence = new ArrayList<>(fromText.evidence());
        evidence.add("story criticality " + criticality);
        return new Sentiment(label, Math.round(score * 1000) / 1000.0, evidence);
    }

    private static String modelVersion() {
        try (InputStream in = MentionTriage.class.getResourceAsStream("sentiment/nhs-sentiment.properties")) {
            if (in == null) {
                return "untrained";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("model", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
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
