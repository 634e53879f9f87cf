package io.resetflow.tracker.query;

/**
 * Masks an address for operators' screens: the first two characters of the local part and the whole
 * domain ({@code ab***@biglobe.ne.jp}), enough to tell mailboxes apart on a call, too little to mail one.
 */
public final class AddressMask {

    private static final int SHOWN = 2;
    private static final String HIDDEN = "***";

    private AddressMask() {
    }

    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at);
        // A local part of two characters or fewer would be shown whole: show one at most.
        int shown = Math.min(SHOWN, Math.max(0, local.codePointCount(0, local.length()) - 1));
        return local.substring(0, local.offsetByCodePoints(0, shown)) + HIDDEN + domain;
    }
}
