package io.resetflow.notifier.send;

/** How the notifier treats a relay's answer. */
public enum ReplyClass {
    /** 2xx: the relay took the mail. */
    ACCEPTED,
    /** 4xx, a timeout or a broken connection: try again later. */
    TRANSIENT,
    /** 5xx: the relay will never take it (unknown user, policy): bounced. */
    PERMANENT;

    public static ReplyClass of(SendResult result) {
        Integer code = result.code();
        if (code == null) {
            return TRANSIENT;
        }
        if (code >= 200 && code < 300) {
            return ACCEPTED;
        }
        if (code >= 500 && code < 600) {
            return PERMANENT;
        }
        return TRANSIENT;
    }

    /** 421 (service closing) and 450 (mailbox busy, used for rate limits) ask the sender to slow down. */
    public static boolean asksToSlowDown(SendResult result) {
        return result.code() != null && (result.code() == 421 || result.code() == 450);
    }
}
