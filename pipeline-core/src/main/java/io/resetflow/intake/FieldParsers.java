package io.resetflow.intake;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.core.identity.AddressNormalizer;
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

    /** NFKC, trimmed, lower-case, the way addresses are; null becomes blank. */
    static String canonical(String raw) {
        return raw == null ? "" : AddressNormalizer.normalize(raw);
    }

    static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }
}
