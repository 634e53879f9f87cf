package io.resetflow.local.mail;

import java.time.Instant;

/** What the outbox shows of a mail the local SMTP server accepted; {@code dkim}: the verifier's verdict. */
public record SentMail(Instant receivedAt, String from, String to, String subject, String messageId, int sizeBytes,
                       String dkim) {
}
