package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;

/**
 * Urgency from CoreNLP TokensRegex rules over lemmas and POS tags, each finding kept as a reason.
 *
 * <p>A risk phrase ("want to die", "left on a trolley", "can't breathe") is <em>immediate</em> when it
 * is happening now; in the past tense (a "was left" with no "still" or "now") it is a serious failure
 * of care, <em>high</em>; in the distant past ("years ago", "as a child") it does not raise urgency.
 * A negation just before it ("I'm not suicidal", "never wanted to hurt myself") cancels it, and
 * figures of speech ("I'll be dead by the time they come", "dying for a cup of tea") never count.
 * Several harsh criticisms of care ("negligent", "wrong medication") make a mention <em>high</em>; so
 * does the learned "needs a careful reply first" score, with the sentences behind it, and a story the
 * site itself rates highly critical.
 */
final class UrgencyRules {

    /** Story criticality (Care Opinion: -5 .. 5) at or below this asks for a same-day personal reply. */
    static final int CRITICAL_STORY = -4;

    enum Risk {
        SUICIDE,
        SELF_HARM,
        ABUSE,
        NEGLECT,
        DANGER,
        FAILURE
    }

    /**
     * @param literals the words the pattern's last token must be; a sentence holding none of them cannot
     *     match, so the (comparatively slow) TokensRegex matcher is skipped. Null when the last token is
     *     optional, a group or a real regex: then the pattern always runs.
     */
    private record Rule(Risk risk, TokenSequencePattern pattern, Set<String> literals) {}

    private static final Pattern NODE_VALUE = Pattern.compile("\\{(?:word|lemma):(/[^/]*/|[^}\\s]+)}");

    /** The words a rule's last token must be, or null when that cannot be read off the rule. */
    static Set<String> literals(String rule) {
        String trimmed = rule.trim();
        if (!trimmed.endsWith("]")) {
            return null;
        }
        String last = trimmed.substring(trimmed.lastIndexOf('['));
        Set<String> words = new java.util.HashSet<>();
        java.util.regex.Matcher values = NODE_VALUE.matcher(last);
        while (values.find()) {
            String value = values.group(1);
            if (value.startsWith("/")) {
                value = value.substring(1, value.length() - 1);
            }
            for (String word : value.split("\\|")) {
                if (word.isEmpty() || word.chars().anyMatch(c -> "?*+.[](){}\\^$".indexOf(c) >= 0)) {
                    return null;
                }
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words.isEmpty() ? null : Set.copyOf(words);
    }

    private static final String OBJECT = "/myself|himself|herself|themselves|yourself|ourselves/";
    private static final String[][] RULES = {
        {"SUICIDE", "[{word:/suicidal|suicide/}]"},
        {"SUICIDE", "[{lemma:/kill|hang|drown|shoot|poison/}] [{word:" + OBJECT + "}]"},
        {"SUICIDE", "[{lemma:/end|take/}] [{word:/my|his|her|their|our/}] [{word:own}]? [{word:/life|lives/}]"},
        {"SUICIDE", "[{lemma:end}] [{word:/it|everything/}] [{word:all}]?"},
        {"SUICIDE", "[{lemma:/want|wanna|wish|plan|try|ready|going|go/}] [{word:to}]? [{lemma:/die/}]"},
        {"SUICIDE", "[{lemma:/rather|wish/}] [{word:/I|i|he|she/}]? [{lemma:be}] [{word:dead}]"},
        {"SUICIDE", "[{word:better}] [{word:off}] ([{word:dead}] | [{word:without}] [{word:/me|him|her|them|us/}])"},
        {"SUICIDE", "[{word:/overdose|overdosed|od/}]"},
        {"SUICIDE", "[{word:no}] [{word:/point|reason/}] [{word:/in|to/}] [{lemma:/live|go/}]"},
        {"SELF_HARM", "[{word:/self-harm|self-harming|self-harmed|selfharm|self-injury/}]"},
        {"SELF_HARM", "[{word:self}] [{word:/-/}]? [{lemma:/harm|harming|injure|injury/}]"},
        {"SELF_HARM", "[{lemma:/cut|hurt|burn|harm|starve/}] [{word:" + OBJECT + "}]"},
        {"ABUSE", "[{lemma:/abuse|assault|rape|molest|grope/} | {word:/abused|assaulted|raped|abusing|molested/}]"},
        {
            "ABUSE",
            "[{lemma:/hit|slap|punch|kick|strangle|choke|shove/}] [{word:/me|him|her|them|mum|dad|my|our|patient|patients/}]"
        },
        {"ABUSE", "[{word:/domestic/}] [{lemma:/violence|abuse/}]"},
        {"ABUSE", "[{lemma:/threaten/}] [{word:/to/}] [{lemma:/hurt|kill|hit/}]"},
        {
            "NEGLECT",
            "[{lemma:leave}] []{0,3} [{word:/on|in/}] [{word:/a|the|his|her|my|their/}]? [{lemma:/trolley|corridor|floor|chair|wheelchair|toilet|commode|soiled|urine|faeces|poo|wee|pain|agony|dark|cold/}]"
        },
        {
            "NEGLECT",
            "[{lemma:leave}] []{0,2} [{lemma:/alone|unattended|unsupervised|unwashed|unfed|lying|sitting|screaming/}]"
        },
        {
            "NEGLECT",
            "[{lemma:leave}] []{0,2} [{word:without}] []{0,2} [{lemma:/food|water|drink|fluid|medication|medicine|pain|help|care|oxygen|insulin/}]"
        },
        {
            "NEGLECT",
            "[{word:/no|without/}] [{lemma:/food|water|drink|fluid|medication|insulin|oxygen/}] []{0,2} [{word:/for|since/}]"
        },
        {"NEGLECT", "[{lemma:/lie|lay/}] [{word:/on|in/}] [{word:the}]? [{lemma:/floor|corridor|urine|faeces/}]"},
        {
            "NEGLECT",
            "[{lemma:/sit|lie/}] [{word:in}] [{word:/his|her|their|my|own/}]? [{word:own}]? [{lemma:/urine|faeces|poo|wee|soiled|mess/}]"
        },
        {"NEGLECT", "[{word:/not|n't|never/}] [{word:been}] [{lemma:/feed|wash|change|turn|give/}]"},
        {
            "NEGLECT",
            "([{word:/nobody|noone|no-one/}] | [{word:no}] [{word:one}]) [{lemma:/have|be|will/}]? [{word:/come|came|been|seen|checked|helped|answered|answering|coming|helping|checking/}]"
        },
        {"DANGER", "[{word:/not|n't|cannot|struggling|unable/}] [{word:to}]? [{lemma:breathe}]"},
        {"DANGER", "[{word:/unconscious|unresponsive|collapsed|choking|seizure|seizures/}]"},
        {"DANGER", "[{word:chest}] [{word:/pain|pains/}]"},
        {"DANGER", "[{lemma:bleed}] [{word:/heavily|badly|everywhere|out/}]"},
        {"DANGER", "[{lemma:wait}] []{0,4} [{lemma:/ambulance|paramedic/}]"},
        {"DANGER", "[{lemma:be}] [{word:/dying/}]"},
        {"DANGER", "[{word:/will|'ll|gonna/}] [{lemma:be}]? [{word:/die|dead/}]"},
        {"DANGER", "[{lemma:be}] [{word:in}] [{word:/danger|crisis/}]"},
        {"DANGER", "[{word:/not/}] [{word:safe}] [{word:/at|to/}] [{word:/home|be|go/}]"},
        {"FAILURE", "[{lemma:/neglect|negligence|negligent|neglectful/}]"},
        {
            "FAILURE",
            "[{word:/appalling|disgusting|disgraceful|horrendous|horrific|shocking|shameful|atrocious|abysmal|inhumane|degrading|dangerous|unsafe|unacceptable|incompetent|traumatic|traumatised|traumatized|horrible|horrendously|diabolical/}]"
        },
        {"FAILURE", "[{lemma:/complaint|complain|ombudsman|solicitor|lawyer|sue|cqc|pals|safeguarding/}]"},
        {"FAILURE", "[{lemma:/misdiagnose|misdiagnosis|misdiagnosed/}]"},
        {"FAILURE", "[{word:wrong}] [{lemma:/medication|medicine|drug|dose|diagnosis|leg|arm|patient|tablet|insulin/}]"
        },
        {"FAILURE", "[{word:/died|dies|death|deaths/}]"},
        {"FAILURE", "[{word:passed}] [{word:away}]"},
        {"FAILURE", "[{word:/worst|rude|ignored|humiliated|dismissed|lied|uncaring|heartless/}]"},
    };

    /**
     * Passive suicidal ideation and hopelessness, in the first person or reported ("my son says he wants
     * to end it"). Regular expressions over the sentence, because what must <em>not</em> follow matters
     * ("I don't want to be here anymore" is a risk, "I don't want to be here all day" is not), which
     * TokensRegex cannot say; the match is then mapped to tokens and checked like every other rule.
     */
    private static final List<Pattern> HOPELESSNESS = Stream.of(
                    "\\b(?:do|does|did)(?:n'?t| not)\\s+(?:really\\s+)?want\\s+to\\s+(?:be\\s+(?:here|alive|around)|live|exist|wake\\s+up|go\\s+on|carry\\s+on)"
                            + "(?!\\s+(?:in|at|near|with|there|next|by|close|here|the|a|an|this|that|my|your|his|her|their|our|holiday|on\\s+the|all\\s+day|for|without|waiting|like\\s+that|when|if|until|longer\\s+than)\\b)",
                    "\\bcan(?:'?t|not| not)\\s+(?:(?:go|carry)\\s+on|keep\\s+going)(?=\\s*(?:$|[.,!;]|(?:anymore|any\\s*more|any\\s+longer|like\\s+this|living|with\\s+(?:life|living))\\b))",
                    "\\bcan(?:'?t|not| not)\\s+(?:do\\s+this|take\\s+(?:it|this|any\\s*more)|cope|face\\s+(?:it|life|living))(?:\\s+(?:anymore|any\\s*more|any\\s+longer))",
                    "\\b(?:everyone|everybody|they|people|the\\s+world|my\\s+(?:family|kids|children|husband|wife|partner|mum|dad)|we|all)\\s+(?:would|'d|will|'ll)\\s+be\\s+better\\s+off\\s+without\\s+(?:me|him|her|them)",
                    "\\bwhat(?:'?s|\\s+is)\\s+the\\s+point(?=\\s*(?:$|[.!?]|(?:anymore|any\\s*more|of\\s+(?:living|life|going\\s+on|carrying\\s+on|anything|it\\s+all|me|trying|being\\s+(?:here|alive))|in\\s+(?:living|going\\s+on|anything|trying|being\\s+(?:here|alive)))\\b))",
                    "\\b(?:no|nothing|not\\s+any)\\s+(?:point|reason)\\s+(?:in\\s+|to\\s+)?(?:living|live|go\\s+on|going\\s+on|carry\\s+on|carrying\\s+on|be\\s+alive|being\\s+alive)",
                    "\\bnothing\\s+(?:left\\s+)?to\\s+live\\s+for",
                    "\\b(?:wants?|wanted|wanting|going|planning|plans|thinking\\s+(?:of|about)|thought\\s+(?:of|about))\\s+(?:to\\s+)?end(?:ing)?\\s+(?:it(?:\\s+all)?|things|everything|(?:my|his|her|their)\\s+(?:own\\s+)?life)(?!\\s+with)",
                    "\\bwish(?:es)?\\s+(?:i|he|she|they)\\s+(?:was|were|wasn't|weren't|had\\s+never\\s+been)\\s+(?:dead|here|born|alive|gone)",
                    "\\btired\\s+of\\s+(?:living|life|being\\s+alive)",
                    "\\bwants?\\s+to\\s+(?:disappear|go\\s+to\\s+sleep\\s+and\\s+(?:never|not)\\s+wake\\s+up)",
                    "\\bcan(?:'?t|not| not)\\s+see\\s+(?:a|any)\\s+(?:way\\s+out|future|reason\\s+to\\s+(?:live|go\\s+on))",
                    "\\bgiv(?:e|en|ing)\\s+up\\s+on\\s+(?:life|living|everything)",
                    // Not able to keep oneself safe: how people in crisis (and crisis services) say it.
                    "\\bcan(?:'?t|not| not)\\s+keep\\s+(?:myself|himself|herself|themselves|themself)\\s+safe",
                    "\\b(?:not|don'?t\\s+feel)\\s+safe\\s+(?:from|around|with)\\s+(?:myself|himself|herself|themselves)")
            .map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE))
            .toList();

    /** Figures of speech: a risk phrase inside one of these is not a risk. */
    private static final String[] FIGURES = {
        "[{word:/I|i/}] [{word:/will|'ll|would|'d|might|could/}] [{lemma:be}]? [{word:/dead|die/}] [{word:/by|before/}]",
        "[{word:/dead|die|dying/}] [{word:by}] [{word:the}] [{word:time}]",
        "[{word:dying}] [{word:/for|to/}]",
        "[{word:to}] [{word:die}] [{word:for}]",
        "[{lemma:/bore|scare|frighten|worry|laugh|freeze|love/}] [{word:to}] [{word:death}]",
        "[{lemma:die}] [{word:/of|from/}] [{word:/embarrassment|shame|boredom|laughter|laughing|happiness|fright/}]",
        "[{lemma:die}] [{word:laughing}]",
        "[{word:/nearly|almost/}] [{lemma:die}] [{word:/laughing|of/}]",
        "[{lemma:kill}] [{word:/for|time/}]",
        "[{word:/suicide|suicidal/}] [{word:/prevention|awareness|watch|line|helpline|training|risk|assessment/}]",
        "[{word:/crisis/}] [{word:/team|line|service|house|cafe|café/}]",
        "[{word:/death/}] [{word:/certificate|toll|trap/}]",
        "[{word:/complaints/}] [{word:/department|procedure|team/}]",
        "[{lemma:/hit|kick/}] [{word:/me/}] [{word:/that|how|then/}]",
        // Self-harm as a topic of treatment, not an act now: "help to reduce my self-harm".
        "[{lemma:/reduce|manage|prevent|stop|cope|history|around|about|with/}] []{0,3} [{word:/self-harm|self-harming|selfharm|harm|harming/}]",
        "[{word:/drug|drugs|alcohol|substance|substances|solvent/}] [{lemma:abuse}]",
    };

    private static final Set<String> NEGATORS = Set.of(
            "not", "n't", "never", "no", "nobody", "without", "none", "nor", "neither", "denied", "deny", "denies");
    private static final Set<String> CLAUSE_BREAKS =
            Set.of(".", ",", ";", ":", "!", "?", "but", "and", "because", "so");
    private static final Set<String> NOW =
            Set.of("now", "still", "currently", "tonight", "today", "presently", "moment", "asap");
    private static final Set<String> PAST_MODALS = Set.of("could", "would", "might", "should", "'d");
    private static final Pattern DISTANT = Pattern.compile(
            "\\b(years? ago|yrs? ago|months ago|in the past|as a (child|teenager|teen|kid|young)|when i was (young|little|a)"
                    + "|used to|(19|20)\\d\\d|childhood|decades? ago|back then|years back)\\b");

    /** Parts of speech a reason phrase should not end on ("... for 14 hours in"). */
    private static final Set<String> DANGLING = Set.of("IN", "DT", "TO", "CC", "PRP$", "JJ", "POS", "RB", "WDT");

    private final List<Rule> rules;
    private final List<Rule> figures;
    private final LinearModel careful;
    private final CarefulThresholds carefulThresholds;

    UrgencyRules() {
        this(null, CarefulThresholds.single(1));
    }

    /**
     * @param careful the learned "needs a careful reply first" head, or null for the rules alone
     * @param carefulThresholds its probability from which a mention is {@code high} on its own, by length
     */
    UrgencyRules(LinearModel careful, CarefulThresholds carefulThresholds) {
        this.careful = careful;
        this.carefulThresholds = carefulThresholds;
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringPatternFlags(Pattern.CASE_INSENSITIVE);
        env.setDefaultStringMatchFlags(NodePattern.CASE_INSENSITIVE);
        List<Rule> compiled = new ArrayList<>();
        for (String[] rule : RULES) {
            compiled.add(
                    new Rule(Risk.valueOf(rule[0]), TokenSequencePattern.compile(env, rule[1]), literals(rule[1])));
        }
        this.rules = List.copyOf(compiled);
        List<Rule> figures = new ArrayList<>();
        for (String figure : FIGURES) {
            figures.add(new Rule(null, TokenSequencePattern.compile(env, figure), literals(figure)));
        }
        this.figures = List.copyOf(figures);
    }

    /**
     * The urgency, and the sentences that say someone is at risk from themselves now (suicidal
     * thoughts, self-harm, hopelessness, "I can't keep myself safe"): whoever writes them is in
     * distress, whatever else the words read as.
     */
    record Assessment(Urgency urgency, List<String> distress) {}

    /**
     * @param criticality the story site's own rating (-5 .. 5), or null where the channel has none
     */
    Urgency assess(Analysis analysis, Sentiment sentiment, Integer criticality) {
        return assessFully(analysis, sentiment, criticality).urgency();
    }

    Assessment assessFully(Analysis analysis, Sentiment sentiment, Integer criticality) {
        Set<String> immediate = new LinkedHashSet<>();
        Set<String> distress = new LinkedHashSet<>();
        Set<String> high = new LinkedHashSet<>();
        Set<String> failures = new LinkedHashSet<>();
        boolean negativeOverall = sentiment.label() == Sentiment.Label.NEGATIVE;
        for (Analysis.Sentence sentence : analysis.sentences()) {
            List<CoreLabel> tokens = sentence.tokens();
            Set<String> words = new java.util.HashSet<>();
            for (CoreLabel token : tokens) {
                words.add(lower(token.word()));
                words.add(lower(token.lemma()));
            }
            boolean[] figurative = figurativeTokens(tokens, words);
            String lowered = sentenceText(sentence, analysis).toLowerCase(Locale.ROOT);
            boolean distant = DISTANT.matcher(lowered).find();
            for (int[] span : hopeless(sentence, analysis.text())) {
                if (overlaps(figurative, span[0], span[1]) || negated(tokens, span[0]) || distant) {
                    continue;
                }
                String reason = sentenceText(sentence, analysis);
                // The tense that counts is the one leading into the phrase: "wishes she was dead" is now,
                // "did not want to be here" is past.
                if (happeningNow(tokens, span[0], span[0] + 1)) {
                    immediate.add(reason);
                    distress.add(sentenceText(sentence, analysis));
                } else {
                    high.add(reason);
                }
            }
            for (Rule rule : rules) {
                if (rule.literals() != null && rule.literals().stream().noneMatch(words::contains)) {
                    continue;
                }
                TokenSequenceMatcher matcher = rule.pattern().getMatcher(tokens);
                while (matcher.find()) {
                    int start = matcher.start();
                    int end = matcher.end();
                    if (end <= start || overlaps(figurative, start, end) || negated(tokens, start)) {
                        continue;
                    }
                    String reason = reason(sentence, analysis, start, end);
                    if (rule.risk() == Risk.FAILURE) {
                        failures.add(reason);
                        continue;
                    }
                    if (distant) {
                        continue;
                    }
                    if (happeningNow(tokens, start, end)) {
                        immediate.add(reason);
                        if (rule.risk() == Risk.SUICIDE || rule.risk() == Risk.SELF_HARM) {
                            distress.add(sentenceText(sentence, analysis));
                        }
                    } else if (sentiment.label() != Sentiment.Label.POSITIVE) {
                        high.add(reason);
                    }
                }
            }
        }
        // One harsh word in a long, mixed story is common; a serious failure of care shows as several
        // (two in a negative mention). Three or more stand even when the sentiment model
        // misses the complaint (its training data has few of the words complaints use).
        // One harsh word in a clearly negative mention ("the receptionist was rude") is for the learned
        // careful-reply score to weigh, not a rule: the sentiment score is confident on nearly every complaint.
        boolean serious = failures.size() >= 3 || negativeOverall && failures.size() >= 2;
        if (serious) {
            high.addAll(failures);
        }
        double score = carefulScore(analysis);
        double carefulThreshold = carefulThresholds.at(analysis.tokenCount());
        boolean criticalStory = criticality != null && criticality <= CRITICAL_STORY;
        // The score raises high on its own only where the mention does not read as praise: long
        // thankful stories score high for their length, and thanks is never a case for a careful reply
        // first (the thresholds are chosen with this gate: Trainer.carefulThresholds).
        boolean praise = sentiment.label() == Sentiment.Label.POSITIVE;
        if (score >= carefulThreshold && !praise || criticalStory) {
            high.addAll(carefulSentences(analysis, carefulThreshold));
        }
        List<String> reasons = new ArrayList<>(immediate);
        high.stream().filter(reason -> !immediate.contains(reason)).forEach(reasons::add);
        List<String> distressed = List.copyOf(distress);
        if (!immediate.isEmpty()) {
            return new Assessment(new Urgency(Urgency.Level.IMMEDIATE, reasons), distressed);
        }
        if (!high.isEmpty()) {
            return new Assessment(new Urgency(Urgency.Level.HIGH, reasons), distressed);
        }
        return new Assessment(Urgency.normal(), distressed);
    }

    /**
     * How much the mention reads like feedback that needs a careful, personal reply first (strongly
     * critical), from the learned head: 0 .. 1, or 0 without one.
     */
    double carefulScore(Analysis analysis) {
        if (careful == null || analysis.sentences().isEmpty()) {
            return 0;
        }
        return careful.probability(Features.of(analysis), TriageModels.CAREFUL);
    }

    /** The sentences behind a careful-reply score, strongest first, verbatim. */
    private List<String> carefulSentences(Analysis analysis, double carefulThreshold) {
        if (careful == null || analysis.sentences().isEmpty()) {
            return List.of();
        }
        record Scored(String text, double p) {}
        List<Scored> scored = new ArrayList<>();
        for (Analysis.Sentence sentence : analysis.sentences()) {
            scored.add(new Scored(
                    sentence.text(analysis.text()),
                    careful.probability(Features.of(List.of(sentence), analysis.text()), TriageModels.CAREFUL)));
        }
        scored.sort(java.util.Comparator.comparingDouble(Scored::p).reversed());
        List<String> chosen = new ArrayList<>();
        for (Scored sentence : scored) {
            if (chosen.isEmpty() || sentence.p() >= carefulThreshold / 2 && chosen.size() < 3) {
                chosen.add(sentence.text());
            }
        }
        return chosen;
    }

    /** Token spans [start, end) of hopelessness phrases in the sentence. */
    private static List<int[]> hopeless(Analysis.Sentence sentence, String text) {
        List<CoreLabel> tokens = sentence.tokens();
        if (tokens.isEmpty()) {
            return List.of();
        }
        int offset = sentence.start();
        String plain = sentence.text(text).replace('\u2019', '\'').replace('\u2018', '\'');
        List<int[]> spans = new ArrayList<>();
        for (Pattern pattern : HOPELESSNESS) {
            Matcher matcher = pattern.matcher(plain);
            while (matcher.find()) {
                int from = -1;
                int to = -1;
                for (int i = 0; i < tokens.size(); i++) {
                    int begin = tokens.get(i).beginPosition() - offset;
                    int end = tokens.get(i).endPosition() - offset;
                    if (end > matcher.start() && begin < matcher.end()) {
                        from = from < 0 ? i : from;
                        to = i + 1;
                    }
                }
                if (from >= 0) {
                    spans.add(new int[] {from, to});
                }
            }
        }
        return spans;
    }

    private boolean[] figurativeTokens(List<CoreLabel> tokens, Set<String> words) {
        boolean[] marked = new boolean[tokens.size()];
        for (Rule figure : figures) {
            if (figure.literals() != null && figure.literals().stream().noneMatch(words::contains)) {
                continue;
            }
            TokenSequenceMatcher matcher = figure.pattern().getMatcher(tokens);
            while (matcher.find()) {
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    marked[i] = true;
                }
            }
        }
        return marked;
    }

    private static boolean overlaps(boolean[] marked, int start, int end) {
        for (int i = start; i < end; i++) {
            if (marked[i]) {
                return true;
            }
        }
        return false;
    }

    /** A negation within the same clause, a few words before the phrase: "I am not suicidal". */
    private static boolean negated(List<CoreLabel> tokens, int start) {
        for (int i = start - 1; i >= Math.max(0, start - 5); i--) {
            String word = lower(tokens.get(i).word());
            if (CLAUSE_BREAKS.contains(word)) {
                return false;
            }
            if (NEGATORS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Present (or present perfect: "has been left") unless the nearest finite verb before the phrase
     * is past tense ("was left", "felt"), and nothing in the sentence says "still" or "now". Without a
     * verb at all ("Suicidal. Please help") it counts as now: missing a real risk costs more.
     */
    private static boolean happeningNow(List<CoreLabel> tokens, int start, int end) {
        for (CoreLabel token : tokens) {
            if (NOW.contains(lower(token.word()))) {
                return true;
            }
        }
        for (int i = end - 1; i >= 0; i--) {
            CoreLabel token = tokens.get(i);
            String tag = token.tag() == null ? "" : token.tag();
            String word = lower(token.word());
            if (i < start && CLAUSE_BREAKS.contains(word) && !",".equals(word)) {
                break;
            }
            if (tag.equals("VBD")) {
                if (word.equals("had")
                        && i + 1 < tokens.size()
                        && lower(tokens.get(i + 1).word()).equals("been")
                        && i >= start) {
                    continue;
                }
                return false;
            }
            if (tag.equals("MD")) {
                // "could not breathe", "would have died": narrative or counterfactual, not now.
                return !PAST_MODALS.contains(word);
            }
            if (tag.equals("VBZ") || tag.equals("VBP")) {
                return true;
            }
        }
        return true;
    }

    private static String reason(Analysis.Sentence sentence, Analysis analysis, int start, int end) {
        List<CoreLabel> tokens = sentence.tokens();
        int from = start;
        // Widen to the subject and verb just before ("my dad has been") and the words after, within
        // the clause, so staff read the phrase in context rather than a bare keyword.
        for (int i = start - 1; i >= Math.max(0, start - 4); i--) {
            if (CLAUSE_BREAKS.contains(lower(tokens.get(i).word()))) {
                break;
            }
            from = i;
        }
        int to = end;
        for (int i = end; i < Math.min(tokens.size(), end + 4); i++) {
            if (CLAUSE_BREAKS.contains(lower(tokens.get(i).word()))) {
                break;
            }
            to = i + 1;
        }
        while (to > end && DANGLING.contains(String.valueOf(tokens.get(to - 1).tag()))) {
            to--;
        }
        return sentence.text(from, to, analysis.text());
    }

    private static String sentenceText(Analysis.Sentence sentence, Analysis analysis) {
        return sentence.tokens().isEmpty()
                ? ""
                : sentence.text(0, sentence.tokens().size(), analysis.text());
    }

    private static String lower(String word) {
        return word == null ? "" : word.toLowerCase(Locale.ROOT);
    }
}
