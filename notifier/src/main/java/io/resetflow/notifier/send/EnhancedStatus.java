package io.resetflow.notifier.send;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An RFC 3463 enhanced status code (class.subject.detail, e.g. 5.1.1) found at the start of a reply text. */
public record EnhancedStatus(int statusClass, int subject, int detail) {

    /** After the optional reply code: "550 5.1.1 user unknown", "550-5.1.1 ...", or "5.1.1 user unknown". */
    private static final Pattern LEADING = Pattern.compile("^\\s*(?:[245]\\d\\d[ -])?\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    public static Optional<EnhancedStatus> in(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Matcher matcher = LEADING.matcher(reply);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new EnhancedStatus(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
