package io.resetflow.notifier.mail;

/** A value meant for a mail header carries a line break or control character: the request is refused. */
public final class HeaderInjectionException extends IllegalArgumentException {

    public HeaderInjectionException(String field) {
        super("line break or control character in " + field);
    }
}
