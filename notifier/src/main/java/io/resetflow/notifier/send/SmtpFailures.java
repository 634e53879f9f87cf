package io.resetflow.notifier.send;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Turns what jakarta.mail threw into the relay's reply code and text, where it had one, and the stage
 * of the exchange that reply answered: the same 550 bounces a recipient after RCPT TO and holds the
 * tenant after MAIL FROM.
 */
final class SmtpFailures {

    /** Angus reports a refused greeting only in the message text: "... response: 421 ...". */
    private static final Pattern GREETING_CODE = Pattern.compile("response: ([2-5]\\d\\d)\\b");
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([45]\\d\\d)\\b");
    /** What Angus gives for a refused AUTH without the server's text. */
    private static final int AUTH_REJECTED = 535;

    private SmtpFailures() {
    }

    static SendResult toResult(MessagingException failure) {
        List<Exception> chain = chain(failure);
        for (Exception e : chain) {
            if (e instanceof SMTPAddressFailedException address) {
                return new SendResult(address.getReturnCode(), address.getMessage().strip(), SmtpStage.RCPT_TO);
            }
        }
        for (Exception e : chain) {
            if (e instanceof SMTPSenderFailedException sender) {
                return new SendResult(sender.getReturnCode(), sender.getMessage().strip(), SmtpStage.MAIL_FROM);
            }
        }
        for (Exception e : chain) {
            if (e instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return new SendResult(send.getReturnCode(), send.getMessage().strip(), stageOf(send.getCommand()));
            }
        }
        for (Exception e : chain) {
            if (e instanceof AuthenticationFailedException auth) {
                String text = auth.getMessage() == null ? "authentication failed" : auth.getMessage().strip();
                return new SendResult(leadingCode(text).orElse(AUTH_REJECTED), text, SmtpStage.CONNECT);
            }
        }
        String text = describe(failure);
        Matcher greeting = GREETING_CODE.matcher(text);
        if (greeting.find()) {
            return new SendResult(Integer.parseInt(greeting.group(1)), text, SmtpStage.CONNECT);
        }
        return SendResult.noReply(text);
    }

    private static List<Exception> chain(MessagingException failure) {
        List<Exception> chain = new ArrayList<>();
        for (Exception e = failure; e != null && !chain.contains(e);
             e = e instanceof MessagingException m ? m.getNextException() : null) {
            chain.add(e);
        }
        return chain;
    }

    private static SmtpStage stageOf(String command) {
        String upper = command == null ? "" : command.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("MAIL")) {
            return SmtpStage.MAIL_FROM;
        }
        if (upper.startsWith("RCPT")) {
            return SmtpStage.RCPT_TO;
        }
        if (upper.startsWith("DATA") || upper.equals(".") || upper.startsWith("BDAT")) {
            return SmtpStage.DATA;
        }
        return upper.isEmpty() ? SmtpStage.UNKNOWN : SmtpStage.CONNECT;
    }

    private static Optional<Integer> leadingCode(String text) {
        Matcher code = LEADING_CODE.matcher(text);
        return code.find() ? Optional.of(Integer.parseInt(code.group(1))) : Optional.empty();
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return root == failure ? message.strip()
                : (message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")").strip();
    }
}
