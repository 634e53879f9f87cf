package io.resetflow.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings an address to the one form the mailbox id is computed from: Unicode NFKC (full-width
 * "＠" and letters become ASCII), trimmed, lower-case. Returns empty when the result is not a
 * plausible mailbox address.
 */
public final class AddressNormalizer {

    private static final Pattern ADDRESS = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    private AddressNormalizer() {
    }

    public static String normalize(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> normalizeValid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = normalize(raw);
        return normalized.length() <= 254 && ADDRESS.matcher(normalized).matches()
                ? Optional.of(normalized) : Optional.empty();
    }

    public static String domainOf(String normalizedAddress) {
        return normalizedAddress.substring(normalizedAddress.lastIndexOf('@') + 1);
    }
}
