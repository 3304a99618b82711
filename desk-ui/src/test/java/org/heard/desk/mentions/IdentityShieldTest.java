package org.heard.desk.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.activity.Activity;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.TestStaff;
import org.heard.mentions.MentionDocument;
import org.junit.jupiter.api.Test;

class IdentityShieldTest {

    static final String TEXT =
            "I am Margaret Hughes, NHS number 943 476 5919. Ring me on 07700 900123. The ward was cold.";

    final IdentityShield shield = new IdentityShield(IdentityShieldSettings.defaults());

    @Test
    void managersAloneAreShieldedByDefaultAndTheCommunicationsTeamReveals() {
        assertThat(shield.shields(TestStaff.manager("wendy", "ward-7"))).isTrue();
        assertThat(shield.shields(TestStaff.responder("sam"))).isFalse();
        assertThat(shield.shields(TestStaff.admin("alex"))).isFalse();
        assertThat(shield.shields(TestStaff.with("both", Set.of(StaffRole.MANAGER, StaffRole.RESPONDER))))
                .isFalse();
        assertThat(shield.mayReveal(TestStaff.responder("sam"))).isTrue();
        assertThat(shield.mayReveal(TestStaff.manager("wendy", "ward-7"))).isFalse();
        var off = new IdentityShield(
                new IdentityShieldSettings(false, Set.of(StaffRole.MANAGER), Set.of(StaffRole.RESPONDER)));
        assertThat(off.shields(TestStaff.manager("wendy", "ward-7"))).isFalse();
        assertThat(off.mayReveal(TestStaff.responder("sam"))).isFalse();
    }

    @Test
    void masksTheAuthorAndThePersonalDataTriageFoundButKeepsWhatWasSaid() {
        var masked = shield.mask(mention());

        assertThat(masked.author()).isEqualTo(new Author(null, null, IdentityShield.NAME_WITHHELD));
        assertThat(masked.text())
                .isEqualTo("I am [name], NHS number [NHS number]. Ring me on [phone]. The ward was cold.");
        assertThat(masked.subject()).isEqualTo("Complaint from [name] ([email])");
        assertThat(masked.externalId()).isNull();
        assertThat(masked.inReplyToExternalId()).isNull();
        assertThat(masked.attributes()).containsOnlyKeys("mailbox");
        assertThat(masked.urgency().reasons()).containsExactly("Ring me on [phone]");
        assertThat(masked.services().getFirst().evidence()).containsExactly("The ward was cold");
        assertThat(masked.sentiment().evidence()).containsExactly("[name] is cold");
        assertThat(masked.status()).isEqualTo(mention().status());
    }

    @Test
    void spansRecordedOnTheTextStillPointAtTheSameWords() {
        var original = mention();
        var masked = shield.mask(original);

        var last = masked.sentences().getLast();
        assertThat(masked.text().substring(last.start(), last.end())).isEqualTo("The ward was cold.");
        var first = masked.sentences().getFirst();
        assertThat(masked.text().substring(first.start(), first.end()))
                .isEqualTo("I am [name], NHS number [NHS number].");
        for (var found : masked.personalData()) {
            assertThat(masked.text().substring(found.start(), found.end()))
                    .startsWith("[")
                    .endsWith("]");
        }
    }

    @Test
    void findsWhatTriageMissedAndOnlyCapitalisedNamesAsWholeWords() {
        var mention = new MentionDocument(
                "m",
                "c",
                Channel.TWITTER,
                "@HeardTrust",
                "1234",
                null,
                new Author("1002", "@margaret", "Ann Hughes"),
                null,
                "@HeardTrust @margaret here, my son @tomh was told to announce it. Email ann.h@example.org, SW1A 1AA. Ann, Hughes.",
                Instant.EPOCH,
                Instant.EPOCH,
                List.of(),
                Set.of(),
                Map.of("x.url", "https://x.com/margaret/status/1234"),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);

        var masked = shield.mask(mention);

        assertThat(masked.text())
                .isEqualTo(
                        "@HeardTrust [handle] here, my son [handle] was told to announce it. Email [email], [postcode]. [name], [name].");
        assertThat(masked.attributes()).isEmpty();
    }

    @Test
    void masksTheAuthorInWhatStaffWroteAboutTheConversation() {
        var reply = new Activity(
                "r1",
                "c",
                "m",
                Activity.Kind.REPLY_REQUESTED,
                "sam",
                "Dear Margaret, I have called 07700 900123 back.",
                Map.of("draft", "Dear Mrs Hughes", "replyId", "r1"),
                Instant.EPOCH);

        var masked = shield.mask(reply, List.of(mention()));

        assertThat(masked.text()).isEqualTo("Dear [name], I have called [phone] back.");
        assertThat(masked.details()).containsEntry("draft", "Dear Mrs [name]").containsEntry("replyId", "r1");
        assertThat(masked.actor()).isEqualTo("sam");
    }

    static MentionDocument mention() {
        int nhs = TEXT.indexOf("943");
        int phone = TEXT.indexOf("07700");
        int name = TEXT.indexOf("Margaret");
        int second = TEXT.indexOf("Ring");
        int third = TEXT.indexOf("The ward");
        return new MentionDocument(
                "m1",
                "c1",
                Channel.EMAIL,
                "feedback@trust.example",
                "<abc@mail.example>",
                "<earlier@mail.example>",
                new Author("margaret@mail.example", "margaret@mail.example", "Margaret Hughes"),
                "Complaint from Margaret (margaret@mail.example)",
                TEXT,
                Instant.EPOCH,
                Instant.EPOCH,
                List.of("ward-7"),
                Set.of(),
                Map.of(
                        "mailbox",
                        "feedback@trust.example",
                        "from",
                        "Margaret Hughes <margaret@mail.example>",
                        "fullText",
                        TEXT),
                new Sentiment(Sentiment.Label.NEGATIVE, -0.6, List.of("Margaret is cold")),
                List.of(new ServiceTag("ward-7", 0.9, List.of("The ward was cold"))),
                new Urgency(Urgency.Level.HIGH, List.of("Ring me on 07700 900123")),
                2,
                List.of(
                        new PersonalData(PersonalData.Type.PERSON, name, name + "Margaret Hughes".length()),
                        new PersonalData(PersonalData.Type.NHS_NUMBER, nhs, nhs + "943 476 5919".length()),
                        new PersonalData(PersonalData.Type.PHONE, phone, phone + "07700 900123".length())),
                "test",
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                List.of(
                        new ScoredSentence(0, second - 1, Sentiment.Label.NEUTRAL, 0),
                        new ScoredSentence(second, third - 1, Sentiment.Label.NEUTRAL, 0),
                        new ScoredSentence(third, TEXT.length(), Sentiment.Label.NEGATIVE, -0.7)));
    }
}
