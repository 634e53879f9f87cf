package io.resetflow.notifier.send;

/**
 * The part of the SMTP exchange a reply answered. A 550 to RCPT TO speaks of one recipient; the same
 * code to MAIL FROM or DATA speaks of the sender or the relay, and bounces nobody.
 */
public enum SmtpStage {
    /** Connecting, the greeting, EHLO, STARTTLS or AUTH. */
    CONNECT,
    MAIL_FROM,
    RCPT_TO,
    DATA,
    /** Not known (a transport that reports only the code): read as RCPT TO, the stage named by the code. */
    UNKNOWN
}
