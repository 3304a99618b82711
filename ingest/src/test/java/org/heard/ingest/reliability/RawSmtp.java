package org.heard.ingest.reliability;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes as they are over SMTP, the way a hostile sender would: no mail library in between to
 * tidy, re-encode or refuse them first. Only the DATA transparency (a leading dot doubled) is applied.
 */
final class RawSmtp {

    private RawSmtp() {}

    /** True when the server said 250 to the message. */
    static boolean send(String host, int port, String from, String to, byte[] raw) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(120_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            var out = new BufferedOutputStream(socket.getOutputStream());
            expect(in, "220");
            command(out, "EHLO reliability.check");
            expect(in, "250");
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, "250");
            command(out, "RCPT TO:<" + to + ">");
            expect(in, "250");
            command(out, "DATA");
            expect(in, "354");
            writeData(out, raw);
            out.flush();
            boolean accepted = reply(in).startsWith("250");
            command(out, "QUIT");
            return accepted;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeData(OutputStream out, byte[] raw) throws IOException {
        boolean lineStart = true;
        for (byte b : raw) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply = reply(in);
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + reply);
        }
    }

    /** The last line of a (possibly multi-line) reply. */
    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
