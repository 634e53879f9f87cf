package io.resetflow.notifier.send;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An already encoded message handed to Angus's SMTPTransport, which takes only a MimeMessage: it
 * writes the bytes as they are (no second encoding, so a DKIM signature over them stays valid) and
 * answers the envelope sender. Angus asks for nothing else of it.
 */
final class WireMessage extends MimeMessage {

    private final Address[] sender;
    private final byte[] content;

    WireMessage(Session session, InternetAddress sender, byte[] content) {
        super(session);
        this.sender = new Address[] {sender};
        this.content = content;
    }

    @Override
    public Address[] getFrom() {
        return sender.clone();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(content);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoredHeaders) throws IOException {
        // The notices carry neither Bcc nor Content-Length, the headers Angus asks to leave out.
        out.write(content);
    }
}
