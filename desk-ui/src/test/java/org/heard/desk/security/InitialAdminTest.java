package org.heard.desk.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class InitialAdminTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    @Test
    void theGeneratedPasswordIsShownOnTheConsoleOnceAndKeptOwnerOnlyButNeverLogged() throws Exception {
        var console = new ByteArrayOutputStream();

        String password = InitialAdmin.password(dataDir, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(console.toString(StandardCharsets.UTF_8)).contains(password).contains("admin");
        assertThat(logged.list)
                .as("log events")
                .isNotEmpty()
                .noneMatch(event -> event.getFormattedMessage().contains(password));
        Path file = dataDir.resolve(InitialAdmin.FILE_NAME);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        var again = new ByteArrayOutputStream();
        assertThat(InitialAdmin.password(dataDir, new PrintStream(again, true, StandardCharsets.UTF_8)))
                .isEqualTo(password);
        assertThat(again.toString(StandardCharsets.UTF_8))
                .as("shown only the first time")
                .isEmpty();
    }
}
