package org.heard.desk.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.heard.contracts.Channel;
import org.heard.contracts.Responder;
import org.junit.jupiter.api.Test;

class DraftChecksTest {

    final PatternPersonalDataSpotter spotter = new PatternPersonalDataSpotter();

    @Test
    void findsAnNhsNumberOnlyWhenItsCheckDigitIsRight() {
        assertThat(spotter.find("Your NHS number 943 476 5919 is on file", List.of()))
                .containsExactly("NHS number 943 476 5919");
        assertThat(spotter.find("Reference 943 476 5918 please", List.of()))
                .noneMatch(found -> found.startsWith("NHS number"));
    }

    @Test
    void findsPhoneNumbersDatesOfBirthAndKnownNames() {
        var found = spotter.find(
                "Hi Margaret, call 07700 900123 — we have your DOB 03/04/1951. Nurse Okafor says hello.",
                List.of("Margaret Hughes", "Ada Okafor"));

        assertThat(found)
                .contains(
                        "phone number 07700 900123",
                        "date of birth 03/04/1951",
                        "the name Margaret",
                        "the name Okafor");
    }

    @Test
    void aNameMatchesOnlyAsAWholeCapitalisedWord() {
        assertThat(spotter.find("We announce a patient forum", List.of("Ann Patient")))
                .isEmpty();
    }

    @Test
    void spotsDeflectionsToPalsAndTheSwitchboard() {
        assertThat(Deflections.find("Sorry to hear this. Please contact PALS on 0123."))
                .hasValueSatisfying(phrase -> assertThat(phrase).startsWith("Please contact PALS"));
        assertThat(Deflections.find("Ring the switchboard and ask for ward 7")).isPresent();
        assertThat(Deflections.find("I have spoken to the ward manager and she will call you today."))
                .isEmpty();
    }

    @Test
    void aChangedNameDoesNotHideATemplate() {
        var template = Similarity.shingles(
                "Thank you for your feedback Ann, we are sorry to hear about your experience and will pass this on to the team.");
        var copy = Similarity.shingles(
                "Thank you for your feedback Bob, we are sorry to hear about your experience and will pass this on to the team!");
        var personal = Similarity.shingles(
                "I am sorry you waited nine hours with your dad; I have asked the A&E matron to look at that night.");

        assertThat(Similarity.jaccard(template, copy)).isGreaterThan(0.7);
        assertThat(Similarity.jaccard(template, personal)).isLessThan(0.1);
    }

    @Test
    void signsEveryReplyWithTheRespondersNameAndRole() {
        var sam = new Responder("sam", "Sam Patel", "Patient Experience Lead");

        assertThat(ReplyDesk.sign(Channel.TWITTER, "Thank you", sam))
                .isEqualTo("Thank you\n— Sam Patel, Patient Experience Lead");
        assertThat(ReplyDesk.sign(Channel.EMAIL, "Dear Ann", sam)).endsWith("\n\nSam Patel, Patient Experience Lead");
    }

    @Test
    void onlyTweetsAndStoryResponsesArePublic() {
        assertThat(ReplyDesk.isPublic(Channel.TWITTER, false)).isTrue();
        assertThat(ReplyDesk.isPublic(Channel.TWITTER, true)).isFalse();
        assertThat(ReplyDesk.isPublic(Channel.STORY, true)).isTrue();
        assertThat(ReplyDesk.isPublic(Channel.EMAIL, false)).isFalse();
        assertThat(ReplyDesk.isPublic(Channel.LETTER, false)).isFalse();
    }
}
