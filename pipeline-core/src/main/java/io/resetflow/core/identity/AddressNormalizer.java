package io.resetflow.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Brings an address to the one form the mailbox id is computed from: Unicode NFKC (full-width
 * "＠" and letters become ASCII), trimmed, lower-case. Returns empty when the result is not a
 * plausible mailbox address (see {@link AddressSyntax}).
 * <p>
 * Almost every address in a breach file is plain ASCII, which NFKC leaves unchanged; skipping the
 * normalizer for those saves a copy of every address, and every other text field, per row.
 */
public final class AddressNormalizer {

    private static final int MAX_LENGTH = 254;

    private AddressNormalizer() {
    }

    public static String normalize(String raw) {
        String folded = isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return folded.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> normalizeValid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = normalize(raw);
        return normalized.length() <= MAX_LENGTH && AddressSyntax.isPlausible(normalized)
                ? Optional.of(normalized) : Optional.empty();
    }

    public static String domainOf(String normalizedAddress) {
        return normalizedAddress.substring(normalizedAddress.lastIndexOf('@') + 1);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
