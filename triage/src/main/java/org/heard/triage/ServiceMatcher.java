package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.ServiceTag;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;

/**
 * Finds the catalogue's services in a text from four signals, explicit before learned:
 *
 * <ol>
 *   <li>{@code HINT}: the channel names the service (a ward mailbox, a story's NACS code);
 *   <li>{@code TERM}: a catalogue term appears: each term is run through the same CoreNLP tokenizer
 *       and lemmatizer as the mentions, so "district nurses" finds "district nurse" and "A&E" is one
 *       token on both sides; the longest term wins at each position;
 *   <li>{@code LEARNED}: the service head, trained on labelled feedback, recognises the service type
 *       (only for the types its training data labels, and only when it is sure enough);
 *   <li>{@code SIMILARITY}: a sentence reads like a catalogue entry's name, terms and description,
 *       embedded once when the catalogue loads, so a trust's own wards and sites need no retraining.
 * </ol>
 *
 * Learned and similar tags come after every explicit one. Each tag says which signal gave it, how
 * sure it is and the phrase or sentence it rests on. Thread-safe and immutable after construction.
 */
final class ServiceMatcher {

    static final double HINT_CONFIDENCE = 0.9;
    private static final int MAX_TAGS = 5;

    /** Below explicit tags whatever their own confidence: a name in the text beats a guess. */
    static final double LEARNED_CEILING = 0.58;
    /**
     * A guess this confident is added beside services the text names (after them). Measured by 5-fold
     * CV on the NHS comments (triage/README.md), 0.7 would put the right service among the tags of
     * 57.1% of comments instead of 55.4%, but on the demo's hospital mentions it added NHS 111 or
     * secure mental health beside wards and pharmacies that the text names: the head knows six
     * service types and picks one of them for anything, and a wrong tag puts a mention in another
     * manager's feed.
     */
    static final double SURE_GUESS = 0.85;

    /**
     * Beside a service the text or channel names, a learned guess also needs this many words: the head
     * learned from feedback forms in which a short "thank you" is most often about an ambulance service
     * (two thirds of the rows), and with the bge embedding it put "Thank you all" at ambulance above
     * 0.85 (ServiceMatchingTest).
     */
    static final int MIN_WORDS_FOR_LEARNED = 5;

    private record Term(String serviceId, List<Set<String>> forms) {}

    private record Profile(String serviceId, float[][] vectors) {}

    private final ServiceCatalogue catalogue;
    private final Map<String, List<Term>> byFirstForm;
    private final List<Profile> profiles;
    private final LinearModel learned;
    private final double learnedThreshold;
    private final double similarityThreshold;

    ServiceMatcher(ServiceCatalogue catalogue, Nlp nlp) {
        this(catalogue, nlp, null, 1, 1);
    }

    /**
     * @param learned the service head, or null for terms and hints only
     * @param learnedThreshold the head's probability from which it tags
     * @param similarityThreshold the cosine between a sentence and a catalogue entry from which it tags
     */
    ServiceMatcher(
            ServiceCatalogue catalogue,
            Nlp nlp,
            LinearModel learned,
            double learnedThreshold,
            double similarityThreshold) {
        this.catalogue = catalogue;
        this.learned = learned;
        this.learnedThreshold = learnedThreshold;
        this.similarityThreshold = similarityThreshold;
        List<Profile> profiles = new ArrayList<>();
        for (Service service : catalogue.services()) {
            List<String> texts = new ArrayList<>(List.of(service.name(), service.profile()));
            if (service.description() != null) {
                texts.add(service.description());
            }
            profiles.add(new Profile(service.id(), nlp.embedder().embed(texts)));
        }
        this.profiles = List.copyOf(profiles);
        Map<String, List<Term>> index = new HashMap<>();
        for (Service service : catalogue.services()) {
            for (String text : service.terms()) {
                List<Set<String>> forms = new ArrayList<>();
                for (Analysis.Sentence sentence : nlp.analyse(text).sentences()) {
                    for (CoreLabel token : sentence.tokens()) {
                        forms.add(forms(token));
                    }
                }
                if (forms.isEmpty()) {
                    continue;
                }
                Term term = new Term(service.id(), List.copyOf(forms));
                for (String first : forms.getFirst()) {
                    index.computeIfAbsent(first, key -> new ArrayList<>()).add(term);
                }
            }
        }
        index.values()
                .forEach(terms -> terms.sort(
                        Comparator.comparingInt((Term t) -> t.forms().size()).reversed()));
        this.byFirstForm = index;
    }

    List<ServiceTag> match(Analysis analysis, List<String> hints) {
        Map<String, Set<String>> evidence = new LinkedHashMap<>();
        Map<String, Boolean> multiWord = new HashMap<>();
        for (Analysis.Sentence sentence : analysis.sentences()) {
            List<CoreLabel> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                Term found = longestAt(tokens, i);
                if (found == null) {
                    i++;
                    continue;
                }
                int end = i + found.forms().size();
                evidence.computeIfAbsent(found.serviceId(), id -> new LinkedHashSet<>())
                        .add(sentence.text(i, end, analysis.text()));
                if (found.forms().size() > 1) {
                    multiWord.put(found.serviceId(), true);
                }
                i = end;
            }
        }
        Map<String, Double> confidence = new LinkedHashMap<>();
        Map<String, ServiceTag.Signal> signal = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : evidence.entrySet()) {
            int distinct = (int) entry.getValue().stream()
                    .map(p -> p.toLowerCase(Locale.ROOT))
                    .distinct()
                    .count();
            double value = distinct >= 3 ? 0.85 : distinct == 2 ? 0.75 : 0.6;
            if (multiWord.getOrDefault(entry.getKey(), false)) {
                value += 0.1;
            }
            confidence.put(entry.getKey(), Math.min(0.95, value));
            signal.put(entry.getKey(), ServiceTag.Signal.TERM);
        }
        for (String hint : hints) {
            catalogue.resolveHint(hint).ifPresent(id -> {
                confidence.merge(id, HINT_CONFIDENCE, (a, b) -> Math.min(0.99, Math.max(a, b) + 0.05));
                // The channel said so: the tag's signal tells staff; evidence is only ever text of the mention.
                signal.put(id, ServiceTag.Signal.HINT);
                evidence.computeIfAbsent(id, key -> new LinkedHashSet<>());
            });
        }
        // Ties go to the service named more often, then to the more specific one (a child before its parent).
        Comparator<Map.Entry<String, Double>> order = Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(entry -> -evidence.get(entry.getKey()).size())
                .thenComparing(entry -> -depth(entry.getKey()));
        List<ServiceTag> tags = new ArrayList<>(confidence.entrySet().stream()
                .sorted(order)
                .limit(MAX_TAGS)
                .map(entry -> new ServiceTag(
                        entry.getKey(),
                        entry.getValue(),
                        List.copyOf(evidence.get(entry.getKey())),
                        signal.get(entry.getKey())))
                .toList());
        boolean named = !tags.isEmpty();
        for (ServiceTag guess : guesses(analysis)) {
            boolean known = tags.stream()
                    .anyMatch(tag -> tag.serviceId().equals(guess.serviceId())
                            || catalogue.isWithin(tag.serviceId(), guess.serviceId()));
            // Where the text or channel names a service, a guess is added only when it is sure: the
            // learned head knows six service types and picks one of them for anything.
            boolean sure = !named
                    || guess.confidence() >= SURE_GUESS
                            && (guess.signal() != ServiceTag.Signal.LEARNED
                                    || words(analysis) >= MIN_WORDS_FOR_LEARNED);
            if (!known && sure && tags.size() < MAX_TAGS) {
                double ceiling = tags.isEmpty()
                        ? 1
                        : Math.min(LEARNED_CEILING, tags.getLast().confidence() - 0.01);
                tags.add(new ServiceTag(
                        guess.serviceId(), Math.min(ceiling, guess.confidence()), guess.evidence(), guess.signal()));
            }
        }
        return tags;
    }

    /**
     * The learned head's and the catalogue similarity's tags, the stronger per service, best first;
     * each rests on the sentence that supports it most.
     */
    private List<ServiceTag> guesses(Analysis analysis) {
        if (analysis.sentences().isEmpty()) {
            return List.of();
        }
        Map<String, ServiceTag> best = new LinkedHashMap<>();
        if (learned != null) {
            double[] p = learned.probabilities(Features.of(analysis));
            for (int k = 0; k < p.length; k++) {
                String id = learned.labels().get(k);
                if (p[k] >= learnedThreshold && catalogue.contains(id)) {
                    String sentence = strongestSentence(analysis, id);
                    best.put(id, new ServiceTag(id, round(p[k]), List.of(sentence), ServiceTag.Signal.LEARNED));
                }
            }
        }
        for (Profile profile : profiles) {
            double top = -1;
            Analysis.Sentence at = null;
            for (Analysis.Sentence sentence : analysis.sentences()) {
                for (float[] vector : profile.vectors()) {
                    double cosine = Embedder.cosine(sentence.embedding(), vector);
                    if (cosine > top) {
                        top = cosine;
                        at = sentence;
                    }
                }
            }
            if (top >= similarityThreshold && at != null) {
                double value = round(Math.min(0.8, top));
                ServiceTag similar = new ServiceTag(
                        profile.serviceId(), value, List.of(at.text(analysis.text())), ServiceTag.Signal.SIMILARITY);
                best.merge(profile.serviceId(), similar, (a, b) -> a.confidence() >= b.confidence() ? a : b);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(ServiceTag::confidence).reversed())
                .toList();
    }

    /** Words (not punctuation) in the analysed text. */
    private static int words(Analysis analysis) {
        int words = 0;
        for (Analysis.Sentence sentence : analysis.sentences()) {
            for (CoreLabel token : sentence.tokens()) {
                if (token.word().chars().anyMatch(Character::isLetterOrDigit)) {
                    words++;
                }
            }
        }
        return words;
    }

    /** The sentence the learned head reads as most about {@code serviceId}. */
    private String strongestSentence(Analysis analysis, String serviceId) {
        if (analysis.sentences().size() == 1) {
            return analysis.sentences().getFirst().text(analysis.text());
        }
        int index = learned.labels().indexOf(serviceId);
        Analysis.Sentence best = analysis.sentences().getFirst();
        double top = -1;
        for (Analysis.Sentence sentence : analysis.sentences()) {
            double p = learned.probabilities(Features.of(List.of(sentence), analysis.text()))[index];
            if (p > top) {
                top = p;
                best = sentence;
            }
        }
        return best.text(analysis.text());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private int depth(String id) {
        int depth = 0;
        for (String current = id;
                catalogue.parentOf(current).isPresent();
                current = catalogue.parentOf(current).get()) {
            depth++;
        }
        return depth;
    }

    private Term longestAt(List<CoreLabel> tokens, int start) {
        Set<Term> candidates = new LinkedHashSet<>();
        for (String form : forms(tokens.get(start))) {
            candidates.addAll(byFirstForm.getOrDefault(form, List.of()));
        }
        Term best = null;
        for (Term term : candidates) {
            if (best != null && term.forms().size() <= best.forms().size()) {
                continue;
            }
            if (start + term.forms().size() > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < term.forms().size() && all; k++) {
                Set<String> want = term.forms().get(k);
                all = forms(tokens.get(start + k)).stream().anyMatch(want::contains);
            }
            if (all) {
                best = term;
            }
        }
        return best;
    }

    private static Set<String> forms(CoreLabel token) {
        String word = token.word().toLowerCase(Locale.ROOT);
        String lemma = token.lemma() == null ? word : token.lemma().toLowerCase(Locale.ROOT);
        return word.equals(lemma) ? Set.of(word) : Set.of(word, lemma);
    }
}
