package org.heard.ingest.demo;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.ingest.email.EmailChannel;
import org.heard.ingest.email.EmailSettings;
import org.heard.ingest.email.MailSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first look with something in it: a few dozen sample mentions (written for Heard, see
 * {@code sample-mentions.tsv}) emailed over SMTP to the embedded demo mailbox, so they come in as
 * any patient's email does — read over IMAP, triaged, indexed, live in the inbox. Dated over the
 * last eight weeks so Insight has a trend. Only ever to the embedded mailbox: with real mailboxes
 * configured it sends nothing (it would email a real team).
 */
public class DemoMentions {

    static final String SAMPLES = "/org/heard/ingest/demo/sample-mentions.tsv";
    static final String MESSAGE_ID_DOMAIN = "demo.heard.example";

    /** One sample as written in the file. */
    record Sample(String name, String address, int daysAgo, int hour, String subject, String text) {}

    private static final Logger log = LoggerFactory.getLogger(DemoMentions.class);

    private final EmailChannel channel;
    private final EmailSettings settings;
    private final Path marker;
    private final Clock clock;

    public DemoMentions(EmailChannel channel, EmailSettings settings, Path dataDir, Clock clock) {
        this.channel = channel;
        this.settings = settings;
        this.marker = dataDir.resolve("demo").resolve("sent");
        this.clock = clock;
    }

    /** Sends the samples once per data directory: a second start says so instead of sending them again. */
    public void sendOnce() {
        if (Files.exists(marker)) {
            log.info("Demo: the sample mentions were sent to this desk before (delete {} to send them again)", marker);
            return;
        }
        var sent = send();
        if (sent.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(
                    marker, clock.instant() + " " + sent.size() + " sample mentions\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Demo: could not note in {} that the samples were sent: {}", marker, e.getMessage());
        }
    }

    /** Emails every sample to the embedded demo mailbox; the ids their mentions will have. Nothing without that mailbox. */
    public List<MentionId> send() {
        var mailbox = embeddedMailbox();
        if (mailbox.isEmpty()) {
            log.warn(
                    "Demo: no embedded demo mailbox here (mailboxes are configured, or the embedded mail server is off): nothing sent");
            return List.of();
        }
        var session = MailSessions.smtpSession(mailbox.get().smtp(), false);
        var now = clock.instant();
        var sent = new ArrayList<MentionId>();
        int number = 0;
        for (var sample : samples()) {
            number++;
            String messageId = "<sample-" + number + "@" + MESSAGE_ID_DOMAIN + ">";
            try {
                var message = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                message.setFrom(new InternetAddress(sample.address(), sample.name(), StandardCharsets.UTF_8.name()));
                message.setRecipient(
                        Message.RecipientType.TO,
                        new InternetAddress(mailbox.get().address()));
                message.setSubject(sample.subject(), StandardCharsets.UTF_8.name());
                message.setText(
                        sample.text() + "\n\n" + sample.name().split(" ")[0] + "\n", StandardCharsets.UTF_8.name());
                message.setSentDate(Date.from(sentAt(sample, now)));
                Transport.send(message);
                sent.add(MentionId.of(Channel.EMAIL, messageId));
            } catch (MessagingException | IOException e) {
                log.warn(
                        "Demo: sample {} could not be sent to {}: {}",
                        number,
                        mailbox.get().address(),
                        e.getMessage());
            }
        }
        log.info(
                "Demo: emailed {} sample mentions to {} (SMTP {}:{}); they appear in the inbox, tagged, within a minute",
                sent.size(),
                mailbox.get().address(),
                mailbox.get().smtp().host(),
                mailbox.get().smtp().port());
        return List.copyOf(sent);
    }

    private Optional<EmailSettings.Mailbox> embeddedMailbox() {
        if (!settings.mailboxes().isEmpty()) {
            return Optional.empty();
        }
        return channel.mailboxes().stream()
                .filter(mailbox ->
                        mailbox.address().equalsIgnoreCase(settings.embedded().address()))
                .findFirst();
    }

    static Instant sentAt(Sample sample, Instant now) {
        var day = now.minus(Duration.ofDays(sample.daysAgo())).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        var at = day.plus(Duration.ofHours(sample.hour()));
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(5L * sample.hour())) : at;
    }

    static List<Sample> samples() {
        var samples = new ArrayList<Sample>();
        try (var in = DemoMentions.class.getResourceAsStream(SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException("The demo's samples are missing from the jar: " + SAMPLES);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException("A demo sample needs 6 tab-separated cells: " + line);
                }
                samples.add(new Sample(
                        cells[0],
                        cells[1],
                        Integer.parseInt(cells[2]),
                        Integer.parseInt(cells[3]),
                        cells[4],
                        cells[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(samples);
    }
}
