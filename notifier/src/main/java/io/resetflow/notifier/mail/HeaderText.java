package io.resetflow.notifier.mail;

/**
 * The only way a value reaches a header: CR, LF and other control characters are refused, so no
 * request can add a header or a recipient (Bcc) by smuggling a line break.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String require(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (Character.isISOControl(c) && c != '\t')) {
                throw new HeaderInjectionException(field);
            }
        }
        return value;
    }
}
