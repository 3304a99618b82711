package org.heard.desk.reply;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Phrases that pass the patient on instead of answering them. */
final class Deflections {

    private static final List<Pattern> PHRASES = List.of(
            Pattern.compile(
                    "(?i)\\b(?:please\\s+)?(?:contact|call|ring|phone|email|e-mail|speak to|get in touch with)\\s+(?:our\\s+|the\\s+)?(?:pals|patient advice and liaison service)\\b[^.!?\\n]*"),
            Pattern.compile(
                    "(?i)\\b(?:please\\s+)?(?:contact|call|ring|phone)\\s+(?:our\\s+|the\\s+)?(?:main\\s+)?switchboard\\b[^.!?\\n]*"),
            Pattern.compile(
                    "(?i)\\b(?:please\\s+)?(?:contact|email|e-mail|write to)\\s+(?:our\\s+|the\\s+)?(?:complaints|patient experience|customer services?)\\s+(?:team|department|office)\\b[^.!?\\n]*"),
            Pattern.compile(
                    "(?i)\\bwe (?:are unable|cannot|can't|can not) (?:comment|discuss)(?: on)? (?:individual|specific|personal) (?:cases|circumstances)\\b[^.!?\\n]*"));

    private Deflections() {}

    static Optional<String> find(String draft) {
        for (var phrase : PHRASES) {
            var matcher = phrase.matcher(draft);
            if (matcher.find()) {
                return Optional.of(matcher.group().strip());
            }
        }
        return Optional.empty();
    }
}
