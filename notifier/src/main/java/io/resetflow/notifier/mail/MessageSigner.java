package io.resetflow.notifier.mail;

/** Signs a finished message (its wire bytes) for its tenant (DKIM), or leaves it as it is. */
@FunctionalInterface
public interface MessageSigner {

    MessageSigner NONE = (tenant, message) -> message;

    /** The message to send: {@code message} itself, or a signed copy of it. */
    byte[] sign(String tenant, byte[] message);
}
