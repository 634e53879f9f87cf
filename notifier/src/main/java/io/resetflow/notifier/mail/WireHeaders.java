package io.resetflow.notifier.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.jdkim.api.Headers;

/**
 * The header fields of a message we encoded ourselves, read straight from its wire bytes for the DKIM
 * signer, so signing needs no second MIME parse. Each field keeps its folding, without its final CRLF.
 */
final class WireHeaders implements Headers {

    private final List<String> fields;
    private final int bodyStart;

    private WireHeaders(List<String> fields, int bodyStart) {
        this.fields = fields;
        this.bodyStart = bodyStart;
    }

    static WireHeaders of(byte[] message) {
        List<String> fields = new ArrayList<>();
        int fieldStart = 0;
        int i = 0;
        while (i + 1 < message.length) {
            if (message[i] != '\r' || message[i + 1] != '\n') {
                i++;
                continue;
            }
            int lineEnd = i;
            i += 2;
            boolean folded = i < message.length && (message[i] == ' ' || message[i] == '\t');
            if (folded) {
                continue;
            }
            if (lineEnd == fieldStart) {
                return new WireHeaders(fields, i);
            }
            fields.add(new String(message, fieldStart, lineEnd - fieldStart, StandardCharsets.ISO_8859_1));
            fieldStart = i;
        }
        throw new IllegalArgumentException("message has no end of header (CRLF CRLF)");
    }

    /** Offset of the first body byte, just after the empty line. */
    int bodyStart() {
        return bodyStart;
    }

    @Override
    public List<String> getFields() {
        return fields;
    }

    @Override
    public List<String> getFields(String name) {
        List<String> found = new ArrayList<>(1);
        for (String field : fields) {
            // Our encoder writes "Name: value", without space before the colon.
            if (field.length() > name.length() && field.charAt(name.length()) == ':'
                    && field.regionMatches(true, 0, name, 0, name.length())) {
                found.add(field);
            }
        }
        return found;
    }
}
