package io.resetflow.notifier.send;

import java.util.regex.Pattern;

/**
 * Takes e-mail addresses out of relay reply texts before they go into outcomes: relays echo the
 * recipient ("550 5.1.1 <taro@example.jp>: user unknown"), and outcomes and logs name mailboxes
 * only by their pseudonym.
 */
public final class AddressScrubber {

    public static final String PLACEHOLDER = "<address>";
    private static final Pattern BRACKETED = Pattern.compile("<[^<>\\s]*@[^<>\\s]*>");
    /** A local part, "@", and a domain of labels: a full stop after the address is not part of it. */
    private static final Pattern BARE = Pattern.compile(
            "[^\\s<>()\\[\\],;:\"'@]+@[^\\s<>()\\[\\],;:\"'@.]+(?:\\.[^\\s<>()\\[\\],;:\"'@.]+)*");

    private AddressScrubber() {
    }

    public static String scrub(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return BARE.matcher(BRACKETED.matcher(text).replaceAll(PLACEHOLDER)).replaceAll(PLACEHOLDER);
    }
}
