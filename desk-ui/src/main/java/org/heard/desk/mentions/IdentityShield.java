package org.heard.desk.mentions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.heard.contracts.Author;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.activity.Activity;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;

/**
 * Complaining must not cost anyone their care. People who fear being labelled "difficult" by the
 * team that treats them — in mental health especially — are more likely to speak up when that team
 * learns what was said but not who said it. For the staff the trust names
 * ({@link IdentityShieldSettings#roles()}, managers by default) every mention leaving the index
 * passes through {@link #mask}: the author's name, handle and address, the personal data triage found
 * in the text (its {@code personalData} spans), and anything else that looks like an address, phone
 * or NHS number, postcode or handle are replaced by placeholders, here and nowhere else, so every
 * page, export and the API show the same. Offsets recorded on the text (sentences, personal data)
 * are moved with it.
 */
public final class IdentityShield {

    public static final String NAME_WITHHELD = "Name withheld";

    /** Channel details a shielded person may see: none of them names or leads to the author. */
    static final Set<String> SAFE_ATTRIBUTES = Set.of(
            "mailbox",
            "criticality",
            "progress",
            "authorRole",
            "tags",
            "nacsCodes",
            "unmappedNacsCodes",
            "services",
            "bodyFormat",
            "details",
            "attachmentCount",
            "x.stream",
            "submittedAt");

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** Ten or more digits with spaces or dashes: phone and NHS numbers. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w+])\\+?\\d(?:[\\s().-]{0,2}\\d){9,13}(?!\\d)");

    private static final Pattern POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{2,15}\\b");

    private final IdentityShieldSettings settings;

    public IdentityShield(IdentityShieldSettings settings) {
        this.settings = settings;
    }

    /** Whether this person reads mentions with their authors masked: they hold no role outside the shielded ones. */
    public boolean shields(StaffUser user) {
        return settings.enabled()
                && !settings.roles().isEmpty()
                && user.roles().stream().allMatch(settings.roles()::contains);
    }

    /** Whether this person may reveal an author to the shielded staff of a conversation's services. */
    public boolean mayReveal(StaffUser user) {
        return settings.enabled() && settings.revealRoles().stream().anyMatch(user::has);
    }

    /** The mention as a shielded person reads it. */
    public MentionDocument mask(MentionDocument mention) {
        var masking = new Masking(List.of(mention));
        String original = mention.text() == null ? "" : mention.text();
        var spans = new ArrayList<Redaction.Span>();
        if (mention.personalData() != null) {
            for (var found : mention.personalData()) {
                spans.add(new Redaction.Span(found.start(), found.end(), placeholder(found.type())));
            }
        }
        var text = masking.redact(original, spans, mention.account());
        var personalData = mention.personalData() == null
                ? null
                : mention.personalData().stream()
                        .filter(found -> found.end() <= original.length())
                        .map(found -> new PersonalData(found.type(), text.start(found.start()), text.end(found.end())))
                        .toList();
        var sentences = mention.sentences() == null
                ? null
                : mention.sentences().stream()
                        .filter(sentence -> sentence.end() <= original.length())
                        .map(sentence -> new ScoredSentence(
                                text.start(sentence.start()),
                                text.end(sentence.end()),
                                sentence.label(),
                                sentence.score()))
                        .toList();
        var sentiment = mention.sentiment() == null
                ? null
                : new Sentiment(
                        mention.sentiment().label(),
                        mention.sentiment().score(),
                        masking.all(mention.sentiment().evidence(), mention.account()));
        var urgency = mention.urgency() == null
                ? null
                : new Urgency(
                        mention.urgency().level(), masking.all(mention.urgency().reasons(), mention.account()));
        var services = mention.services() == null
                ? null
                : mention.services().stream()
                        .map(tag -> new ServiceTag(
                                tag.serviceId(),
                                tag.confidence(),
                                masking.all(tag.evidence(), mention.account()),
                                tag.signal()))
                        .toList();
        var attributes = new LinkedHashMap<String, String>();
        if (mention.attributes() != null) {
            mention.attributes().forEach((name, value) -> {
                if (SAFE_ATTRIBUTES.contains(name)) {
                    attributes.put(name, value);
                }
            });
        }
        return new MentionDocument(
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                mention.account(),
                null,
                null,
                new Author(null, null, NAME_WITHHELD),
                masking.text(mention.subject(), mention.account()),
                text.text(),
                mention.publishedAt(),
                mention.receivedAt(),
                mention.serviceHints(),
                mention.flags(),
                attributes,
                sentiment,
                services,
                urgency,
                mention.urgencyRank(),
                personalData,
                mention.model(),
                mention.triagedAt(),
                mention.status(),
                mention.assignee(),
                mention.updatedAt(),
                mention.response(),
                sentences);
    }

    /**
     * What staff wrote about a conversation (a note, a reply that greets the patient by name) as a
     * shielded person reads it: the names, addresses and personal data of its mentions are masked.
     */
    public Activity mask(Activity entry, Collection<MentionDocument> conversation) {
        var masking = new Masking(conversation);
        var details = new LinkedHashMap<String, String>();
        entry.details().forEach((name, value) -> details.put(name, masking.text(value, null)));
        return new Activity(
                entry.id(),
                entry.conversationId(),
                entry.mentionId(),
                entry.kind(),
                entry.actor(),
                masking.text(entry.text(), null),
                details,
                entry.at());
    }

    static String placeholder(PersonalData.Type type) {
        return switch (type) {
            case NHS_NUMBER -> "[NHS number]";
            case PHONE -> "[phone]";
            case EMAIL -> "[email]";
            case POSTCODE -> "[postcode]";
            case DATE_OF_BIRTH -> "[date of birth]";
            case PERSON -> "[name]";
        };
    }

    /** What identifies the authors of some mentions, and how to find it in any text. */
    private static final class Masking {

        private final Map<Pattern, String> identifiers = new LinkedHashMap<>();

        Masking(Collection<MentionDocument> mentions) {
            var literals = new LinkedHashMap<String, String>();
            var nameParts = new LinkedHashSet<String>();
            for (var mention : mentions) {
                var author = mention.author();
                if (author != null) {
                    literal(literals, author.displayName(), "[name]");
                    literal(literals, author.handle(), isAddress(author.handle()) ? "[email]" : "[handle]");
                    if (author.handle() != null && !author.handle().startsWith("@") && !isAddress(author.handle())) {
                        literal(literals, "@" + author.handle(), "[handle]");
                    }
                    literal(literals, author.id(), isAddress(author.id()) ? "[email]" : "[id]");
                    if (author.displayName() != null) {
                        for (String part : author.displayName().strip().split("[\\s,]+")) {
                            // Names as written (capitalised): "Ann" must not mask "announce", nor "Patient" the word
                            // "patient".
                            if (part.length() >= 3 && Character.isUpperCase(part.codePointAt(0))) {
                                nameParts.add(part);
                            }
                        }
                    }
                }
                String text = mention.text() == null ? "" : mention.text();
                if (mention.personalData() != null) {
                    for (var found : mention.personalData()) {
                        if (found.end() <= text.length() && found.end() > found.start()) {
                            literal(literals, text.substring(found.start(), found.end()), placeholder(found.type()));
                        }
                    }
                }
            }
            // Longest first, so "Jo Bloggs" is one placeholder rather than two.
            literals.entrySet().stream()
                    .sorted((a, b) ->
                            Integer.compare(b.getKey().length(), a.getKey().length()))
                    .forEach(entry -> identifiers.put(
                            Pattern.compile(
                                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(entry.getKey()) + "(?![\\p{L}\\p{N}])",
                                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                            entry.getValue()));
            for (String part : nameParts) {
                identifiers.put(Pattern.compile("(?<!\\p{L})" + Pattern.quote(part) + "(?!\\p{L})"), "[name]");
            }
            identifiers.put(EMAIL, "[email]");
            identifiers.put(LONG_NUMBER, "[number]");
            identifiers.put(POSTCODE, "[postcode]");
        }

        private static boolean isAddress(String value) {
            return value != null && EMAIL.matcher(value).matches();
        }

        private static void literal(Map<String, String> literals, String value, String placeholder) {
            if (value != null && value.strip().length() >= 2) {
                literals.putIfAbsent(value.strip(), placeholder);
            }
        }

        /** The text with the given spans and everything identifying replaced; our own account's handle stays. */
        Redaction redact(String text, List<Redaction.Span> known, String ownAccount) {
            var spans = new ArrayList<>(known);
            identifiers.forEach((pattern, placeholder) -> {
                var matcher = pattern.matcher(text);
                while (matcher.find()) {
                    spans.add(new Redaction.Span(matcher.start(), matcher.end(), placeholder));
                }
            });
            var handles = HANDLE.matcher(text);
            while (handles.find()) {
                if (ownAccount == null || !handles.group().equalsIgnoreCase(ownAccount)) {
                    spans.add(new Redaction.Span(handles.start(), handles.end(), "[handle]"));
                }
            }
            return Redaction.of(text, spans);
        }

        String text(String text, String ownAccount) {
            return text == null ? null : redact(text, List.of(), ownAccount).text();
        }

        List<String> all(List<String> texts, String ownAccount) {
            return texts == null
                    ? null
                    : texts.stream().map(text -> text(text, ownAccount)).toList();
        }
    }
}
