package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the learned heads see of a text (or of one sentence of it), in three blocks that a model may
 * use in any combination, chosen by measurement (the evaluate command prints each):
 *
 * <ul>
 *   <li>{@link Block#EMBEDDING}: the mean of the sentence embeddings, weighted by length;
 *   <li>{@link Block#CORENLP}: a few dense signals from CoreNLP: the sentiment RNTN's distribution and
 *       its most negative and positive sentence, how many words it reads as negative or positive, hits
 *       of a criticality lexicon with negation scope ("not helpful" counts against), length;
 *   <li>{@link Block#LEMMAS}: lemma uni- and bigrams, marked inside a negation's scope, hashed.
 * </ul>
 *
 * Training and tagging share this one definition.
 */
final class Features {

    enum Block {
        EMBEDDING,
        CORENLP,
        LEMMAS
    }

    static final int HASH_BITS = 18;

    private static final Set<String> NEGATORS = Set.of(
            "not", "n't", "no", "never", "nothing", "nobody", "none", "nor", "cannot", "without", "neither", "hardly",
            "nowhere", "noone", "no-one");
    private static final Set<String> SCOPE_ENDS = Set.of(".", ",", ";", ":", "!", "?", "but", "however", "although");

    /**
     * Words that critical and appreciative patient feedback uses (the language of Care Opinion's
     * criticality scale: unhelpful, rude, dismissed... against kind, caring, listened...), by lemma.
     */
    static final Set<String> CRITICAL = Set.of(
            "rude",
            "ignore",
            "dismiss",
            "dismissive",
            "appalling",
            "disgusting",
            "disgrace",
            "disgraceful",
            "dirty",
            "filthy",
            "freezing",
            "cold",
            "late",
            "delay",
            "delayed",
            "cancel",
            "cancelled",
            "unhelpful",
            "unprofessional",
            "poor",
            "terrible",
            "awful",
            "worst",
            "horrible",
            "shocking",
            "unacceptable",
            "neglect",
            "uncaring",
            "shout",
            "patronising",
            "patronizing",
            "incompetent",
            "useless",
            "lie",
            "wrong",
            "mistake",
            "complaint",
            "complain",
            "upset",
            "distress",
            "distressed",
            "angry",
            "frustrated",
            "frustrating",
            "disappointed",
            "disappointing",
            "abysmal",
            "ridiculous",
            "pathetic",
            "lack",
            "fail",
            "failure",
            "struggle",
            "wait",
            "waiting",
            "forget",
            "forgot",
            "lose",
            "lost",
            "pain",
            "suffer",
            "scared",
            "afraid",
            "unsafe",
            "dangerous",
            "chaotic",
            "disorganised",
            "stress",
            "stressful",
            "sad",
            "hopeless",
            "worse",
            "bad",
            "sick",
            "cruel",
            "inhumane",
            "degrading",
            "humiliate",
            "humiliated",
            "smelly",
            "noisy",
            "broken",
            "hungry",
            "thirsty",
            "alone",
            "nobody",
            "ignorant",
            "abrupt",
            "cold-hearted",
            "careless",
            "slow");

    static final Set<String> APPRECIATIVE = Set.of(
            "kind",
            "kindness",
            "caring",
            "care",
            "excellent",
            "brilliant",
            "helpful",
            "friendly",
            "thank",
            "thanks",
            "great",
            "lovely",
            "professional",
            "supportive",
            "support",
            "fantastic",
            "amazing",
            "wonderful",
            "compassionate",
            "polite",
            "reassuring",
            "reassure",
            "efficient",
            "prompt",
            "clean",
            "good",
            "listen",
            "understanding",
            "patient",
            "respect",
            "respectful",
            "calm",
            "gentle",
            "happy",
            "pleased",
            "grateful",
            "outstanding",
            "superb",
            "perfect",
            "nice",
            "pleasant",
            "quick",
            "attentive",
            "informative",
            "safe",
            "welcoming",
            "best",
            "love",
            "well",
            "easy",
            "smooth",
            "timely",
            "punctual",
            "warm",
            "comfortable",
            "recommend",
            "appreciate",
            "marvellous",
            "exceptional",
            "approachable",
            "thorough");

    static final int CORENLP_SIZE = 17;

    private Features() {}

    /** The blocks of one text or sentence; a model concatenates the ones it uses. */
    record Vector(float[] embedding, double[] corenlp, int[] lemmas) {}

    /** The whole analysed text. */
    static Vector of(Analysis analysis) {
        return of(analysis.sentences(), analysis.text());
    }

    static Vector of(List<Analysis.Sentence> sentences, String text) {
        float[] embedding = new float[Embedder.DIMENSIONS];
        double[] rntnMean = new double[5];
        double min = 1;
        double max = -1;
        double weightSum = 0;
        int tokens = 0;
        double negativeWords = 0;
        double positiveWords = 0;
        double critical = 0;
        double appreciative = 0;
        double negatedAppreciative = 0;
        double negatedCritical = 0;
        double exclamations = 0;
        Set<Integer> lemmas = new TreeSet<>();
        for (Analysis.Sentence sentence : sentences) {
            List<CoreLabel> words = sentence.tokens();
            int weight = Math.max(1, words.size());
            boolean embedded = false;
            for (float v : sentence.embedding()) {
                if (v != 0) {
                    embedded = true;
                    break;
                }
            }
            if (embedded) {
                // Longer sentences say more; the square root keeps one long one from drowning the rest.
                float share = (float) Math.sqrt(weight);
                for (int d = 0; d < embedding.length; d++) {
                    embedding[d] += share * sentence.embedding()[d];
                }
            }
            boolean negated = false;
            String previous = "<s>";
            for (CoreLabel token : words) {
                String lemma = normal(token);
                tokens++;
                if ("!".equals(lemma)) {
                    exclamations++;
                }
                if (SCOPE_ENDS.contains(lemma)) {
                    negated = false;
                    previous = "<p>";
                    continue;
                }
                lemmas.add(hash((negated ? "not:" : "w:") + lemma));
                lemmas.add(hash("b:" + previous + "_" + lemma));
                if (CRITICAL.contains(lemma)) {
                    if (negated) {
                        negatedCritical++;
                    } else {
                        critical++;
                    }
                } else if (APPRECIATIVE.contains(lemma)) {
                    if (negated) {
                        negatedAppreciative++;
                    } else {
                        appreciative++;
                    }
                }
                if (NEGATORS.contains(lemma)) {
                    negated = true;
                }
                previous = lemma;
            }
            for (int k = 0; k < 5; k++) {
                rntnMean[k] += sentence.rntn()[k] * weight;
            }
            weightSum += weight;
            negativeWords += sentence.negativeWords();
            positiveWords += sentence.positiveWords();
            min = Math.min(min, sentence.rntnScore());
            max = Math.max(max, sentence.rntnScore());
        }
        normalise(embedding);
        double[] corenlp = new double[CORENLP_SIZE];
        if (weightSum > 0) {
            for (int k = 0; k < 5; k++) {
                corenlp[k] = rntnMean[k] / weightSum;
            }
            corenlp[5] = min;
            corenlp[6] = max;
        }
        corenlp[7] = Math.log1p(negativeWords);
        corenlp[8] = Math.log1p(positiveWords);
        corenlp[9] = (positiveWords - negativeWords) / (1 + positiveWords + negativeWords);
        corenlp[10] = Math.log1p(critical + negatedAppreciative);
        corenlp[11] = Math.log1p(appreciative + negatedCritical);
        corenlp[12] = (appreciative + negatedCritical - critical - negatedAppreciative)
                / (1 + appreciative + negatedCritical + critical + negatedAppreciative);
        corenlp[13] = Math.log1p(tokens);
        corenlp[14] = tokens <= 3 ? 1 : 0;
        corenlp[15] = Math.log1p(exclamations);
        corenlp[16] = Math.log1p(sentences.size());
        return new Vector(
                embedding, corenlp, lemmas.stream().mapToInt(Integer::intValue).toArray());
    }

    static int hash(String feature) {
        return feature.hashCode() & ((1 << HASH_BITS) - 1);
    }

    static void normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= (float) norm;
            }
        }
    }

    static String normal(CoreLabel token) {
        String lemma = token.lemma() != null ? token.lemma() : token.word();
        lemma = lemma.toLowerCase(Locale.ROOT);
        if (!lemma.isEmpty() && lemma.chars().allMatch(Character::isDigit)) {
            return "<num>";
        }
        if (lemma.startsWith("@") && lemma.length() > 1) {
            return "<user>";
        }
        if (lemma.startsWith("http")) {
            return "<url>";
        }
        return lemma;
    }

    /** The blocks named in "embedding+corenlp*4+lemmas" (a weight after "*" is read by {@link #weights}). */
    static EnumSet<Block> blocks(String names) {
        EnumSet<Block> blocks = EnumSet.noneOf(Block.class);
        for (String name : names.split("\\+")) {
            blocks.add(Block.valueOf(name.split("\\*")[0].trim().toUpperCase(Locale.ROOT)));
        }
        return blocks;
    }

    /**
     * How much each dense block counts against the prior ("corenlp*4": four times the standardised
     * value, so the prior holds those few general features back less than the hundreds of others).
     */
    static java.util.Map<Block, Double> weights(String names) {
        java.util.Map<Block, Double> weights = new java.util.EnumMap<>(Block.class);
        for (String name : names.split("\\+")) {
            String[] parts = name.split("\\*");
            weights.put(
                    Block.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)),
                    parts.length > 1 ? Double.parseDouble(parts[1].trim()) : 1.0);
        }
        return weights;
    }
}
