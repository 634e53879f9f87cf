package io.resetflow.intake;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the free-text lifecycle and credential-storage columns. A blank value is "not stated"
 * (an UNKNOWN symbol); a value that is stated but not recognised is empty, i.e. a rejection.
 */
final class FieldParsers {

    private FieldParsers() {
    }

    static Optional<AccountLifecycle> lifecycle(String raw) {
        return switch (canonical(raw)) {
            case "" -> Optional.of(AccountLifecycle.UNKNOWN_LIFECYCLE);
            case "active" -> Optional.of(AccountLifecycle.ACTIVE);
            case "inactive" -> Optional.of(AccountLifecycle.INACTIVE);
            case "former" -> Optional.of(AccountLifecycle.FORMER);
            default -> Optional.empty();
        };
    }

    static Optional<CredentialStorage> credentialStorage(String raw) {
        return switch (canonical(raw)) {
            case "" -> Optional.of(CredentialStorage.UNKNOWN);
            case "plaintext" -> Optional.of(CredentialStorage.PLAINTEXT);
            case "hashed" -> Optional.of(CredentialStorage.HASHED);
            case "encrypted" -> Optional.of(CredentialStorage.ENCRYPTED);
            default -> Optional.empty();
        };
    }

    /** NFKC, trimmed, lower-case; null becomes blank. */
    static String canonical(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }
}
