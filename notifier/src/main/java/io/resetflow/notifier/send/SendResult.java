package io.resetflow.notifier.send;

/**
 * What the relay answered to one mail: the reply code when there was one (none for a connection
 * failure or timeout) and the reply text or error message.
 */
public record SendResult(Integer code, String reply) {

    public static SendResult noReply(String error) {
        return new SendResult(null, error);
    }
}
