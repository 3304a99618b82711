package org.heard.desk.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A dead letter's payload as bytes, and as text when it is text (shown as text, never as HTML). */
final class Payloads {

    private Payloads() {}

    static byte[] raw(String encoding, String payload) {
        if (payload == null) {
            return new byte[0];
        }
        if ("base64".equalsIgnoreCase(encoding)) {
            try {
                return Base64.getDecoder().decode(payload.strip());
            } catch (IllegalArgumentException e) {
                // Not base64 after all: the characters themselves are what we have.
                return payload.getBytes(StandardCharsets.UTF_8);
            }
        }
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    /** The payload decoded as UTF-8 text, or empty when the bytes are not text (an image, a zip...). */
    static Optional<String> text(byte[] raw) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
            boolean control = text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
            return control ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
