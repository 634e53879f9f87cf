package io.resetflow.notifier.send;

import io.resetflow.notifier.mail.OutgoingMail;

/** Hands one mail to a relay. Never throws for what the relay or the network did: that is the result. */
@FunctionalInterface
public interface MailTransport extends AutoCloseable {

    SendResult send(OutgoingMail mail);

    @Override
    default void close() {
    }
}
