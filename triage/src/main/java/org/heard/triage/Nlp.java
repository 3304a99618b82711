package org.heard.triage;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCostAndGradient;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.trees.LabeledScoredTreeNode;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * The CoreNLP models, loaded once and shared by every thread (CoreNLP annotators are thread-safe).
 *
 * <p>Why no parser: the PCFG parser that CoreNLP's sentiment annotator normally needs runs at about
 * 12 sentences/s here, and the shift-reduce parser needs a 445 MB model jar. The sentiment RNTN only
 * needs <em>a</em> binary tree over the words, so we feed it a cheap right-branching tree built from
 * the tokens (English is mostly right-branching, so "was (not (good))" still composes). The domain
 * classifier learns how far to trust that signal next to lexical features; the evaluation command
 * compares it with the RNTN over real PCFG parses.
 */
final class Nlp {

    static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
    static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    /**
     * Every CoreNLP model file triage loads: the build unpacks just these from the models jar into
     * triage's classes (triage/pom.xml), so the application jar does not carry the other 470 MB.
     */
    static final List<String> MODEL_FILES = List.of(POS_MODEL, NER_MODEL, SENTIMENT_MODEL);

    /** Sentences past this many are not embedded (a zero vector): bounds the work on a pasted letter. */
    static final int MAX_EMBEDDED_SENTENCES = 60;

    private final StanfordCoreNLP pipeline;
    private final SentimentModel rntn;
    private final Embedder embedder;

    private Nlp(StanfordCoreNLP pipeline, SentimentModel rntn, Embedder embedder) {
        this.pipeline = pipeline;
        this.rntn = rntn;
        this.embedder = embedder;
    }

    Embedder embedder() {
        return embedder;
    }

    static Nlp load() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("tokenize.options", "untokenizable=noneDelete,ptb3Escaping=false,normalizeParentheses=false");
        // Statistical NER (the 3-class CRF) is all we need: person names for the personal-data warning.
        props.setProperty("pos.model", POS_MODEL);
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("ner.docdate.usePresent", "true");
        // Very long "sentences" (lists, pasted letters) cost the tagger linear time but nothing useful.
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("pos.maxlen", "120");
        props.setProperty("threads", "1");
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
        SentimentModel rntn = SentimentModel.loadSerialized(SENTIMENT_MODEL);
        return new Nlp(pipeline, rntn, Embedder.load());
    }

    /** Tokens, sentences, POS, lemmas, NER, the RNTN's sentence sentiment and sentence embeddings, for one text. */
    Analysis analyse(String text) {
        // Read with @handles and links blanked out (same length, so every offset still points into the
        // mention's own text): "@CityHospNHS" says whom a tweet is to, not how it feels or what about.
        String read = Addressing.blanked(text);
        Annotation annotation = new Annotation(read);
        pipeline.annotate(annotation);
        List<Analysis.Sentence> sentences = new ArrayList<>();
        SentimentCostAndGradient scorer = new SentimentCostAndGradient(rntn, null);
        List<CoreMap> coreSentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        if (coreSentences != null) {
            for (CoreMap sentence : coreSentences) {
                List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                double[] words = new double[2];
                if (tokens == null || tokens.isEmpty()) {
                    continue;
                }
                double[] distribution = rntnDistribution(scorer, tokens, words);
                float[] embedding = sentences.size() < MAX_EMBEDDED_SENTENCES
                        ? embedder.embed(read.substring(
                                tokens.getFirst().beginPosition(),
                                tokens.getLast().endPosition()))
                        : new float[Embedder.DIMENSIONS];
                sentences.add(new Analysis.Sentence(List.copyOf(tokens), distribution, words[0], words[1], embedding));
            }
        }
        return new Analysis(text, sentences);
    }

    /** The annotators this pipeline runs, for the benchmark's "raw CoreNLP" comparison. */
    Annotation annotateOnly(String text) {
        Annotation annotation = new Annotation(text);
        pipeline.annotate(annotation);
        return annotation;
    }

    /**
     * The RNTN's distribution at the root, and in {@code words} how many words it reads as negative
     * ([0]) and positive ([1]) on their own: a general-purpose polarity lexicon for words the domain
     * training data never saw.
     */
    private static double[] rntnDistribution(SentimentCostAndGradient scorer, List<CoreLabel> tokens, double[] words) {
        List<Tree> preterminals = new ArrayList<>();
        for (CoreLabel token : tokens) {
            String word = token.word();
            if (word == null || word.isEmpty()) {
                continue;
            }
            preterminals.add(node("X", List.of(leaf(word))));
        }
        if (preterminals.isEmpty()) {
            return new double[] {0, 0, 1, 0, 0};
        }
        Tree tree;
        if (preterminals.size() > 1 && isFinalPunctuation(tokens.getLast().word())) {
            // Sentence-final punctuation attaches at the top, as in the treebank.
            Tree body = rightBranching(preterminals.subList(0, preterminals.size() - 1));
            tree = node("S", List.of(body, preterminals.getLast()));
        } else {
            tree = rightBranching(preterminals);
        }
        scorer.forwardPropagateTree(tree);
        for (Tree preterminal : preterminals) {
            int predicted = RNNCoreAnnotations.getPredictedClass(preterminal);
            if (predicted < 2) {
                words[0]++;
            } else if (predicted > 2) {
                words[1]++;
            }
        }
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
        double[] distribution = new double[5];
        for (int i = 0; i < 5; i++) {
            distribution[i] = predictions.get(i);
        }
        return distribution;
    }

    private static Tree rightBranching(List<Tree> parts) {
        Tree tree = parts.getLast();
        for (int i = parts.size() - 2; i >= 0; i--) {
            tree = node("X", List.of(parts.get(i), tree));
        }
        return tree;
    }

    private static boolean isFinalPunctuation(String word) {
        return ".".equals(word) || "!".equals(word) || "?".equals(word) || "...".equals(word);
    }

    private static Tree node(String value, List<Tree> children) {
        CoreLabel label = new CoreLabel();
        label.setValue(value);
        return new LabeledScoredTreeNode(label, children);
    }

    private static Tree leaf(String word) {
        CoreLabel label = new CoreLabel();
        label.setValue(word);
        label.setWord(word);
        return new LabeledScoredTreeNode(label);
    }
}
