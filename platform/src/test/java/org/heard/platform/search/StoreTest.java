package org.heard.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StoreTest {

    @Test
    void aCallThatCannotReachElasticsearchSaysSoAndKeepsTheCause() {
        var refused = new ConnectException("Connection refused");

        assertThatThrownBy(() -> Store.call(() -> {
                    throw refused;
                }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Elasticsearch is unreachable")
                .hasCause(refused);
        assertThatThrownBy(() -> Store.run(() -> {
                    throw new IOException("reset");
                }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Elasticsearch is unreachable");
    }

    @Test
    void aRefusalPassesThroughForTheCallerToJudge() {
        var refusal = new IllegalStateException("version conflict");

        assertThatThrownBy(() -> Store.call(() -> {
                    throw refusal;
                }))
                .isSameAs(refusal);
    }

    @Test
    void anAnswerIsReturnedAsItIs() {
        assertThat(Store.call(() -> 42)).isEqualTo(42);
    }
}
