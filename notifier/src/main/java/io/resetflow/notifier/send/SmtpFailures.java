package io.resetflow.notifier.send;

import jakarta.mail.MessagingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Turns what jakarta.mail threw into the relay's reply code and text, where it had one. */
final class SmtpFailures {

    /** Angus reports a refused greeting only in the message text: "... response: 421 ...". */
    private static final Pattern GREETING_CODE = Pattern.compile("response: ([2-5]\\d\\d)\\b");

    private SmtpFailures() {
    }

    static SendResult toResult(MessagingException failure) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            if (e instanceof SMTPAddressFailedException address) {
                return new SendResult(address.getReturnCode(), address.getMessage().strip());
            }
            if (e instanceof SMTPSenderFailedException sender) {
                return new SendResult(sender.getReturnCode(), sender.getMessage().strip());
            }
            if (e instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return new SendResult(send.getReturnCode(), send.getMessage().strip());
            }
        }
        String text = describe(failure);
        Matcher greeting = GREETING_CODE.matcher(text);
        if (greeting.find()) {
            return new SendResult(Integer.parseInt(greeting.group(1)), text);
        }
        return SendResult.noReply(text);
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
