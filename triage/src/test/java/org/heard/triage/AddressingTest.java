package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.junit.jupiter.api.Test;

class AddressingTest {

    @Test
    void blanksHandlesAndLinksSpaceForCharacter() {
        String tweet = "@CityHospNHS @NHS111 ward 5 was freezing https://t.co/abc123 thanks";
        String read = Addressing.blanked(tweet);
        assertThat(read).hasSameSizeAs(tweet);
        assertThat(read.trim()).startsWith("ward 5 was freezing");
        assertThat(read).doesNotContain("@", "http", "CityHospNHS").endsWith(" thanks");
    }

    @Test
    void leavesEmailAddressesAndTextWithoutHandlesAlone() {
        assertThat(Addressing.blanked("write to pals@nhs.net or jo.bloggs@trust.nhs.uk"))
                .isEqualTo("write to pals@nhs.net or jo.bloggs@trust.nhs.uk");
        String plain = "The nurses on ward 7 were kind";
        assertThat(Addressing.blanked(plain)).isSameAs(plain);
    }

    @Test
    void evidenceIsStillCutFromTheMentionAsWritten() {
        String tweet = "@CityHospNHS the toilets on ward 5 were filthy and nobody cleaned them all day";
        TriageResult result = SharedTriage.get().triage(TriageInput.of("t", tweet, Channel.TWITTER));
        assertThat(result.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(result.sentences()).isNotEmpty();
        result.sentences().forEach(sentence -> assertThat(sentence.end()).isLessThanOrEqualTo(tweet.length()));
        assertThat(result.sentiment().evidence())
                .allSatisfy(evidence -> assertThat(tweet).contains(evidence));
        // The handle is not read: the sentence starts at the first word said.
        assertThat(result.sentences().getFirst().start()).isEqualTo(tweet.indexOf("the toilets"));
    }
}
