package io.resetflow.notifier.send;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the notifier treats a relay's answer. Only a permanent failure that names the recipient bounces
 * that address; one that names the sender, the relay's policy or authentication says nothing about the
 * customer and holds the tenant instead, so a misconfigured relay never turns a campaign into bounces.
 */
public enum ReplyClass {
    /** 2xx: the relay took the mail. */
    ACCEPTED,
    /** 4xx: try this mail again later. */
    TRANSIENT,
    /** 5.1.x / 5.2.x, or 550/551/553 to RCPT TO naming an unknown, disabled or full mailbox: bounce this address. */
    RECIPIENT_REJECTED,
    /** Sender, policy (5.7.x), authentication or greeting rejections, 5xx to MAIL FROM or DATA: hold the tenant. */
    RELAY_REJECTED,
    /** No reply at all (connection refused, timeout, broken connection): hold the tenant, retry later. */
    RELAY_UNREACHABLE;

    /** Reply texts of RCPT TO rejections without an enhanced code that name the mailbox, not the relay. */
    private static final Pattern MAILBOX_PROBLEM = Pattern.compile(
            "unknown|no such|not exist|doesn't exist|does not exist|not found|invalid (recipient|mailbox|user)"
                    + "|disabled|inactive|deactivated|suspended|mailbox full|over quota|quota exceeded|mailbox is full"
                    + "|user not local|not our customer|unrouteable");

    public static ReplyClass of(SendResult result) {
        Integer code = result.code();
        if (code == null) {
            return RELAY_UNREACHABLE;
        }
        if (code >= 200 && code < 300) {
            return ACCEPTED;
        }
        if (code < 500 || code >= 600) {
            return TRANSIENT;
        }
        return permanent(code, result.stage(), EnhancedStatus.in(result.reply()), result.reply());
    }

    private static ReplyClass permanent(int code, SmtpStage stage, Optional<EnhancedStatus> status, String reply) {
        if (stage == SmtpStage.CONNECT || stage == SmtpStage.MAIL_FROM || stage == SmtpStage.DATA) {
            return RELAY_REJECTED;
        }
        if (status.isPresent()) {
            return namesRecipient(status.get()) ? RECIPIENT_REJECTED : RELAY_REJECTED;
        }
        boolean mailboxCode = code == 550 || code == 551 || code == 553;
        return mailboxCode && reply != null && MAILBOX_PROBLEM.matcher(reply.toLowerCase(Locale.ROOT)).find()
                ? RECIPIENT_REJECTED : RELAY_REJECTED;
    }

    /** 5.1.x (addressing) and 5.2.x (mailbox) name the recipient, except 5.1.7/5.1.8 (the sender's address). */
    private static boolean namesRecipient(EnhancedStatus status) {
        if (status.subject() == 1) {
            return status.detail() != 7 && status.detail() != 8;
        }
        return status.subject() == 2;
    }

    /** 421 (service closing) and 450 (mailbox busy, used for rate limits) ask the sender to slow down. */
    public static boolean asksToSlowDown(SendResult result) {
        return result.code() != null && (result.code() == 421 || result.code() == 450);
    }

    /** What identifies "the same failure" across recipients: the code and the enhanced status. */
    public static String signature(SendResult result) {
        return result.code() + EnhancedStatus.in(result.reply()).map(s -> " " + s).orElse("");
    }
}
