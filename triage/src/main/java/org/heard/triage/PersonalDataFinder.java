package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heard.contracts.NhsNumber;
import org.heard.contracts.PersonalData;

/**
 * Spans of personal data a public reply must not repeat: NHS numbers (Modulus 11 checked, so a
 * random ten-digit number is not one), UK phone numbers, emails, postcodes, dates of birth (a date
 * next to "DOB", "born", "date of birth") and person names from CoreNLP's NER.
 *
 * <p>Every pattern has bounded repetition, so a scan is linear in the text's length whatever the text
 * holds (an unbounded {@code [\w.]+@} tried at each of 40,000 letters in a row is quadratic: seconds
 * per mention, long enough for Kafka to take a batch back). The email pattern only runs near an '@'.
 */
final class PersonalDataFinder {

    private static final Pattern NHS = Pattern.compile("(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w+])(?:\\+44\\s?\\(?0?\\)?\\s?\\d|\\(?0\\d)[\\d\\s()-]{8,14}\\d(?!\\d)");
    /** RFC 5321's limits: 64 characters before the '@', labels of at most 63, a few labels. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){0,6}\\.[A-Za-z]{2,24}(?![A-Za-z])");

    private static final int EMAIL_REACH = 64 + 1 + 7 * 64 + 25;
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![\\w])(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}|GIR\\s?0AA)(?![\\w])",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern DATE_OF_BIRTH = Pattern.compile(
            "(?:\\bd\\.?o\\.?b\\.?|\\bdate of birth|\\bborn(?: on)?|\\bbirthday)\\s{0,4}(?:is|was|:|-)?\\s{0,4}"
                    + "((?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH
                    + "\\.?,?\\s+\\d{4})|(?:" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}))",
            Pattern.CASE_INSENSITIVE);

    List<PersonalData> find(String text, Analysis analysis) {
        return find((CharSequence) text, analysis);
    }

    /** As {@link #find(String, Analysis)} over any characters (a test counts how many are read). */
    List<PersonalData> find(CharSequence text, Analysis analysis) {
        List<PersonalData> found = new ArrayList<>();
        Matcher nhs = NHS.matcher(text);
        while (nhs.find()) {
            String digits = nhs.group(1) + nhs.group(2) + nhs.group(3);
            if (digits.charAt(0) != '0' && NhsNumber.isValid(digits)) {
                found.add(new PersonalData(PersonalData.Type.NHS_NUMBER, nhs.start(), nhs.end()));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            if (digits.length() >= 10 && digits.length() <= 13) {
                add(
                        found,
                        new PersonalData(
                                PersonalData.Type.PHONE, phone.start(), trimEnd(text, phone.start(), phone.end())));
            }
        }
        emails(text, found);
        addAll(found, POSTCODE.matcher(text), PersonalData.Type.POSTCODE, 0);
        addAll(found, DATE_OF_BIRTH.matcher(text), PersonalData.Type.DATE_OF_BIRTH, 1);
        for (Analysis.Sentence sentence : analysis.sentences()) {
            List<CoreLabel> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                if (!"PERSON".equals(tokens.get(i).ner())) {
                    i++;
                    continue;
                }
                int start = tokens.get(i).beginPosition();
                int end = tokens.get(i).endPosition();
                while (i + 1 < tokens.size()
                        && "PERSON".equals(tokens.get(i + 1).ner())) {
                    end = tokens.get(++i).endPosition();
                }
                add(found, new PersonalData(PersonalData.Type.PERSON, start, end));
                i++;
            }
        }
        found.sort(Comparator.comparingInt(PersonalData::start).thenComparingInt(PersonalData::end));
        return found;
    }

    /**
     * Emails, tried once per '@': from the furthest point the local part can start (at most 64
     * characters back), a bounded match must begin there. Constant work per '@', so linear overall.
     */
    private static void emails(CharSequence text, List<PersonalData> found) {
        int claimed = 0;
        for (int at = indexOf(text, '@', 0); at >= 0; at = indexOf(text, '@', at + 1)) {
            int start = at;
            while (start > claimed && at - start < 64 && isLocal(text.charAt(start - 1))) {
                start--;
            }
            if (start == at) {
                continue;
            }
            Matcher email = EMAIL.matcher(text)
                    .region(start, Math.min(text.length(), at + EMAIL_REACH))
                    .useTransparentBounds(true);
            if (email.lookingAt()) {
                add(found, new PersonalData(PersonalData.Type.EMAIL, email.start(), email.end()));
                claimed = email.end();
            }
        }
    }

    private static boolean isLocal(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '-';
    }

    private static int indexOf(CharSequence text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static void addAll(List<PersonalData> found, Matcher matcher, PersonalData.Type type, int group) {
        while (matcher.find()) {
            add(found, new PersonalData(type, matcher.start(group), matcher.end(group)));
        }
    }

    /** Keeps the first finding for any stretch of text: an NHS number is not also a phone number. */
    private static void add(List<PersonalData> found, PersonalData span) {
        boolean overlaps = found.stream().anyMatch(f -> f.start() < span.end() && span.start() < f.end());
        if (!overlaps) {
            found.add(span);
        }
    }

    private static int trimEnd(CharSequence text, int start, int end) {
        while (end > start && !Character.isDigit(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
