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
 * Finds the catalogue's services in a text: each catalogue term is run through the same CoreNLP
 * tokenizer and lemmatizer as the mentions, so "district nurses" finds "district nurse" and "A&E" is
 * one token on both sides; the longest term wins at each position. Channel hints (a ward mailbox, a
 * story's NACS code) are added with high confidence. Thread-safe and immutable after construction.
 */
final class ServiceMatcher {

    static final double HINT_CONFIDENCE = 0.9;
    private static final int MAX_TAGS = 5;

    private record Term(String serviceId, List<Set<String>> forms) {}

    private final ServiceCatalogue catalogue;
    private final Map<String, List<Term>> byFirstForm;

    ServiceMatcher(ServiceCatalogue catalogue, Nlp nlp) {
        this.catalogue = catalogue;
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
        index.values().forEach(terms -> terms.sort(Comparator.comparingInt((Term t) -> t.forms().size()).reversed()));
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
        for (Map.Entry<String, Set<String>> entry : evidence.entrySet()) {
            int distinct = (int) entry.getValue().stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().count();
            double value = distinct >= 3 ? 0.85 : distinct == 2 ? 0.75 : 0.6;
            if (multiWord.getOrDefault(entry.getKey(), false)) {
                value += 0.1;
            }
            confidence.put(entry.getKey(), Math.min(0.95, value));
        }
        for (String hint : hints) {
            catalogue.resolveHint(hint).ifPresent(id -> {
                confidence.merge(id, HINT_CONFIDENCE, (a, b) -> Math.min(0.99, Math.max(a, b) + 0.05));
                evidence.computeIfAbsent(id, key -> new LinkedHashSet<>()).add("channel: " + hint);
            });
        }
        // Ties go to the service named more often, then to the more specific one (a child before its parent).
        Comparator<Map.Entry<String, Double>> order = Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(entry -> -evidence.get(entry.getKey()).size())
                .thenComparing(entry -> -depth(entry.getKey()));
        return confidence.entrySet().stream()
                .sorted(order)
                .limit(MAX_TAGS)
                .map(entry -> new ServiceTag(entry.getKey(), entry.getValue(), List.copyOf(evidence.get(entry.getKey()))))
                .toList();
    }

    private int depth(String id) {
        int depth = 0;
        for (String current = id; catalogue.parentOf(current).isPresent(); current = catalogue.parentOf(current).get()) {
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
