package org.heard.ingest.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The embedded mail server's promise kept on disk: every message it answers "250 OK" to is first
 * written here and forced to the disk, so a crash (kill -9, power) loses none of them. The server
 * keeps mail in memory only; at its next start whatever is still here goes back into the mailbox,
 * and the intake lets go of a copy once it has marked the message processed (Kafka had it).
 *
 * <p>Each copy is one file, {@code <id>.eml}, the message exactly as received; the mailbox's copy
 * carries the id in the {@value #HEADER} header, which is how the intake names what it took in.
 * A copy taken in twice (a crash between marking and letting go) is harmless: the message's
 * mention id is the same both times.
 */
final class MailSpool implements AcceptedMail {

    static final String HEADER = "X-Heard-Spool";

    private static final String SUFFIX = ".eml";
    private static final String PARTIAL = ".partial";

    private final Path directory;
    private final AtomicLong sequence = new AtomicLong();

    MailSpool(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            // Never answered with 250: the sender still has these and will send them again.
            try (Stream<Path> files = Files.list(directory)) {
                for (Path partial : files.filter(
                                file -> file.getFileName().toString().endsWith(PARTIAL))
                        .toList()) {
                    Files.deleteIfExists(partial);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded mail server's spool in " + directory, e);
        }
    }

    /**
     * Keeps the message on disk before it may be acknowledged: written, forced to the device, then
     * renamed into place and the directory forced, so that it is either wholly there or was never
     * promised. Returns its id.
     */
    String keep(byte[] raw) throws IOException {
        String id = String.format(
                Locale.ROOT, "%015d-%06d", System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000);
        Path partial = directory.resolve(id + PARTIAL);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(raw);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(partial, directory.resolve(id + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
        return id;
    }

    /** Copies still waiting to be taken in, oldest first. */
    List<Kept> waiting() {
        try (Stream<Path> files = Files.list(directory)) {
            var kept = new ArrayList<Kept>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                kept.add(new Kept(name.substring(0, name.length() - SUFFIX.length()), Files.readAllBytes(file)));
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded mail server's spool in " + directory, e);
        }
    }

    int size() {
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The intake marked these; their copies are no longer needed. A delete lost in a crash only means one more re-read. */
    @Override
    public void takenIn(Collection<String> ids) {
        for (String id : ids) {
            if (!id.matches("[0-9]{15}-[0-9]{6}")) {
                continue; // not one of ours: the header came from outside
            }
            try {
                Files.deleteIfExists(directory.resolve(id + SUFFIX));
            } catch (IOException e) {
                // Kept, and taken in once more at the next start: harmless.
            }
        }
    }

    /** Finds the spool id in a message's raw header block, without parsing the message. */
    @Override
    public String idIn(byte[] raw) {
        String prefix = HEADER.toLowerCase(Locale.ROOT) + ":";
        int lineStart = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            int end = i > lineStart && raw[i - 1] == '\r' ? i - 1 : i;
            if (end == lineStart) {
                return null; // the blank line: the headers are over
            }
            String line = new String(raw, lineStart, Math.min(end - lineStart, 200), StandardCharsets.ISO_8859_1);
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
            lineStart = i + 1;
        }
        return null;
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory; the rename is then as durable as they make it.
        }
    }

    /** One message kept, by id. */
    record Kept(String id, byte[] raw) {}
}
