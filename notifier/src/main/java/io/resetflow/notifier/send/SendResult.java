package io.resetflow.notifier.send;

/**
 * What the relay answered to one mail: the reply code when there was one (none for a connection
 * failure or timeout), the reply text or error message, and the stage of the exchange it answered.
 */
public record SendResult(Integer code, String reply, SmtpStage stage) {

    public SendResult(Integer code, String reply) {
        this(code, reply, SmtpStage.UNKNOWN);
    }

    /** A mail taken back before any SMTP exchange because its send window closed while it waited. */
    public static final SendResult WITHDRAWN = new SendResult(null, "withdrawn before sending", SmtpStage.UNKNOWN);

    public boolean withdrawn() {
        return this == WITHDRAWN;
    }

    public static SendResult noReply(String error) {
        return new SendResult(null, error, SmtpStage.CONNECT);
    }
}
