package io.resetflow.notifier.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A built (and, where configured, signed) notice ready for the relay of its tenant. */
public record OutgoingMail(String tenant, String messageId, InternetAddress recipient, MimeMessage message) {
}
