package io.resetflow.notifier.send;

import java.util.function.BooleanSupplier;

import io.resetflow.notifier.mail.OutgoingMail;

/** Hands one mail to a relay. Never throws for what the relay or the network did: that is the result. */
@FunctionalInterface
public interface MailTransport extends AutoCloseable {

    SendResult send(OutgoingMail mail);

    /**
     * Sends the mail unless, when its turn on a connection comes, it may no longer go (quiet hours
     * began or the tenant was paused while it waited): then {@link SendResult#WITHDRAWN}, never sent.
     */
    default SendResult send(OutgoingMail mail, BooleanSupplier stillAllowed) {
        return stillAllowed.getAsBoolean() ? send(mail) : SendResult.WITHDRAWN;
    }

    @Override
    default void close() {
    }
}
