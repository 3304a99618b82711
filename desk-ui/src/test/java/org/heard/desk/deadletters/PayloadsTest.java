package org.heard.desk.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void decodesBase64TextToShowItAsText() {
        String mail = "Subject: <b>Hello</b>\r\n\r\nDear ward 7\r\n";
        byte[] raw = Payloads.raw("base64", Base64.getEncoder().encodeToString(mail.getBytes(StandardCharsets.UTF_8)));

        assertThat(Payloads.text(raw)).contains(mail);
    }

    @Test
    void keepsUtf8PayloadsAsTheyAre() {
        assertThat(Payloads.text(Payloads.raw("utf-8", "{\"text\":\"Café ☕\"}")))
                .contains("{\"text\":\"Café ☕\"}");
    }

    @Test
    void saysBinaryIsNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

        assertThat(Payloads.text(Payloads.raw("base64", Base64.getEncoder().encodeToString(png))))
                .isEmpty();
    }

    @Test
    void aPayloadThatIsNotBase64AfterAllIsKeptAsItsCharacters() {
        assertThat(Payloads.raw("base64", "not base64 at all!"))
                .isEqualTo("not base64 at all!".getBytes(StandardCharsets.UTF_8));
    }
}
