package io.resetflow.core.identity;

/**
 * The shape a normalized (lower-case) mailbox address must have: a local part of RFC 5322 atoms
 * joined by single dots, one "@", and a domain of at least two labels of letters, digits and inner
 * hyphens, 1 to 63 characters each. It accepts exactly what the pattern
 * {@code ^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$}
 * accepts; a single scan instead of a regex matcher keeps the per-row cost down.
 */
final class AddressSyntax {

    private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final int MAX_LABEL = 63;

    private AddressSyntax() {
    }

    static boolean isPlausible(String address) {
        int at = address.indexOf('@');
        return at > 0 && isLocalPart(address, at) && isDomain(address, at + 1);
    }

    private static boolean isLocalPart(String address, int end) {
        boolean atomStart = true;
        for (int i = 0; i < end; i++) {
            char c = address.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    return false;
                }
                atomStart = true;
            } else if (isLetterOrDigit(c) || ATOM_SYMBOLS.indexOf(c) >= 0) {
                atomStart = false;
            } else {
                return false;
            }
        }
        return !atomStart;
    }

    private static boolean isDomain(String address, int start) {
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= address.length(); i++) {
            if (i == address.length() || address.charAt(i) == '.') {
                if (!isLabel(address, labelStart, i)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }

    private static boolean isLabel(String address, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LABEL
                || !isLetterOrDigit(address.charAt(start)) || !isLetterOrDigit(address.charAt(end - 1))) {
            return false;
        }
        for (int i = start + 1; i < end - 1; i++) {
            char c = address.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
