package io.resetflow.notifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A UTF-8 text body encoded to base64 once, with the JDK's encoder, and handed to jakarta.mail as
 * already encoded content: jakarta.mail then copies those bytes when the message is written instead
 * of pushing every character through its writer and encoder streams (a third of the CPU of a notice).
 */
final class EncodedText {

    static final String ENCODING = "base64";
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder(76, CRLF);

    private EncodedText() {
    }

    /** {@code text/<subtype>; charset=UTF-8}. */
    static String contentType(String subtype) {
        return "text/" + subtype + "; charset=UTF-8";
    }

    /** Base64 lines of 76 characters, each ended by CRLF, as jakarta.mail would write them. */
    static byte[] base64(String text) {
        byte[] encoded = MIME_BASE64.encode(text.getBytes(StandardCharsets.UTF_8));
        byte[] lines = new byte[encoded.length + CRLF.length];
        System.arraycopy(encoded, 0, lines, 0, encoded.length);
        System.arraycopy(CRLF, 0, lines, encoded.length, CRLF.length);
        return lines;
    }

    static MimeBodyPart part(String subtype, String text) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType(subtype));
        headers.setHeader("Content-Transfer-Encoding", ENCODING);
        return new MimeBodyPart(headers, base64(text));
    }
}
