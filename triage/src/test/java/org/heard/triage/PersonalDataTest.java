package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.heard.contracts.Channel;
import org.heard.contracts.PersonalData;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static List<PersonalData> spans(String text) {
        return SharedTriage.get()
                .triage(TriageInput.of("t", text, Channel.EMAIL))
                .personalData();
    }

    private static List<String> found(String text, PersonalData.Type type) {
        return spans(text).stream()
                .filter(s -> s.type() == type)
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void findsNhsNumbersThatPassTheModulus11Check() {
        String text = "My NHS number is 943 476 5919 and my ref is 943 476 5918.";
        assertThat(found(text, PersonalData.Type.NHS_NUMBER)).containsExactly("943 476 5919");
        assertThat(found("NHS no 9434765919", PersonalData.Type.NHS_NUMBER)).containsExactly("9434765919");
    }

    @Test
    void findsPhoneNumbersButNotServiceNumbers() {
        String text = "Call me on 07700 900123 or +44 20 7946 0958, I already rang 111 and 999.";
        assertThat(found(text, PersonalData.Type.PHONE)).containsExactly("07700 900123", "+44 20 7946 0958");
    }

    @Test
    void findsEmailsPostcodesAndDatesOfBirth() {
        String text = "Write to jo.bloggs@example.co.uk, I live at NG5 1PB, DOB 12/03/1990, born on 4 May 1950.";
        assertThat(found(text, PersonalData.Type.EMAIL)).containsExactly("jo.bloggs@example.co.uk");
        assertThat(found(text, PersonalData.Type.POSTCODE)).containsExactly("NG5 1PB");
        assertThat(found(text, PersonalData.Type.DATE_OF_BIRTH)).containsExactly("12/03/1990", "4 May 1950");
    }

    @Test
    void findsPersonNamesWithCoreNlpNer() {
        String text = "Please thank Sarah Jenkins on the ward, she was wonderful.";
        assertThat(found(text, PersonalData.Type.PERSON)).containsExactly("Sarah Jenkins");
    }

    @Test
    void aPlainComplaintHoldsNoPersonalData() {
        assertThat(spans("The wait was far too long and the room was cold.")).isEmpty();
    }
}
