package io.resetflow.notifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Signs a finished message for its tenant (DKIM), or leaves it as it is. */
@FunctionalInterface
public interface MessageSigner {

    MessageSigner NONE = (tenant, message) -> message;

    MimeMessage sign(String tenant, MimeMessage message) throws MessagingException;
}
