package org.heard.desk.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.heard.contracts.NhsNumber;

/** NHS numbers (with their check digit), UK phone numbers, dates of birth and known names. */
final class PatternPersonalDataSpotter implements PersonalDataSpotter {

    private static final Pattern NHS_NUMBER = Pattern.compile("(?<!\\d)(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+44\\s?|0)(?:\\d[\\s-]?){9,10}(?!\\d)");
    private static final Pattern DATE_OF_BIRTH = Pattern.compile(
            "(?i)\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?: on)?)\\s*:?\\s*(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}\\s+[a-z]+\\s+\\d{4})");
    private static final Pattern BARE_DATE = Pattern.compile("(?<!\\d)\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}(?!\\d)");

    @Override
    public List<String> find(String text, List<String> knownNames) {
        var found = new ArrayList<String>();
        var nhs = NHS_NUMBER.matcher(text);
        var nhsSpans = new ArrayList<int[]>();
        while (nhs.find()) {
            String digits = nhs.group(1) + nhs.group(2) + nhs.group(3);
            if (digits.charAt(0) != '0' && NhsNumber.isValid(digits)) {
                found.add("NHS number " + nhs.group());
                nhsSpans.add(new int[] {nhs.start(), nhs.end()});
            }
        }
        var phone = PHONE.matcher(text);
        while (phone.find()) {
            int start = phone.start();
            if (nhsSpans.stream().noneMatch(span -> start >= span[0] && start < span[1])) {
                found.add("phone number " + phone.group().strip());
            }
        }
        var dob = DATE_OF_BIRTH.matcher(text);
        boolean dateOfBirth = false;
        while (dob.find()) {
            found.add("date of birth " + dob.group(1));
            dateOfBirth = true;
        }
        if (!dateOfBirth) {
            var date = BARE_DATE.matcher(text);
            while (date.find()) {
                found.add("a date that may be a birth date " + date.group());
            }
        }
        for (String name : knownNames) {
            if (name == null || name.isBlank() || name.strip().length() < 3) {
                continue;
            }
            for (String part : name.strip().split("\\s+")) {
                // Whole words, as written (names are capitalised): "Ann" must not match "announce",
                // nor "Patient" the word "patient".
                if (part.length() >= 3
                        && Pattern.compile("(?<!\\p{L})" + Pattern.quote(part) + "(?!\\p{L})")
                                .matcher(text)
                                .find()) {
                    found.add("the name " + part);
                }
            }
        }
        return found.stream().distinct().toList();
    }
}
