package org.heard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TweetLengthTest {

    @Test
    void countsAnyUrlAsTwentyThree() {
        assertThat(TweetLength.of("https://www.example.nhs.uk/a/very/long/path/that/goes/on/and/on")
                        .weightedLength())
                .isEqualTo(23);
    }

    @Test
    void countsEmojiAndCjkAsTwo() {
        assertThat(TweetLength.of("😀").weightedLength()).isEqualTo(2);
        assertThat(TweetLength.of("病院").weightedLength()).isEqualTo(4);
    }

    @Test
    void acceptsExactlyTwoHundredEightyAndNotOneMore() {
        assertThat(TweetLength.of("a".repeat(280)).valid()).isTrue();
        var over = TweetLength.of("a".repeat(279) + "病");
        assertThat(over.valid()).isFalse();
        assertThat(over.describe()).isEqualTo("281/280 characters (URLs count 23, emoji and CJK 2)");
    }
}
