package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import org.heard.ingest.channel.ChannelState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccountHealthTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AccountHealth.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void refusedCredentialsAreAnErrorOnceNotOnEveryPoll() {
        var health = new AccountHealth("@StMaryTrust", ChannelState.HEALTHY, null);

        for (int poll = 0; poll < 5; poll++) {
            health.inbound(ChannelState.AUTH_FAILED, "X refused the credentials (401 Unauthorized) for @StMaryTrust");
        }
        health.fetched(Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("@StMaryTrust").contains("AUTH_FAILED").contains("401"));
        assertThat(logged.list).hasSize(2);
        assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(health.status().lastSuccessfulFetch()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void showsSendingTroubleNextToAHealthyIntake() {
        var health = new AccountHealth("@StMaryTrust", ChannelState.HEALTHY, null);

        health.outbound(ChannelState.RATE_LIMITED, "X rate limit reached for posting; until 2026-11-20T10:15:00Z");

        var status = health.status();
        assertThat(status.inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(status.outbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(status.detail()).isEqualTo("Sending: X rate limit reached for posting; until 2026-11-20T10:15:00Z");
    }
}
