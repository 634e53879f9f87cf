package io.resetflow.notifier.mail;

import jakarta.mail.internet.InternetAddress;

/**
 * A notice ready for the relay of its tenant: the envelope sender and recipient, and the message
 * encoded once, exactly as it goes on the wire (CRLF line ends; DKIM-signed where configured). The
 * content array is owned by this mail and never modified.
 */
public record OutgoingMail(String tenant, String messageId, InternetAddress sender, InternetAddress recipient,
                           byte[] content) {
}
