package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.SourceReference;
import java.time.Instant;

/** Breach rows for tests: a valid active nifty row, to be varied per test. */
final class BreachRows {

    static final Instant IMPORTED_AT = Instant.parse("2025-06-02T01:00:00Z");

    private BreachRows() {
    }

    static BreachRow.Builder row(String address) {
        return BreachRow.newBuilder()
                .setSource(SourceReference.newBuilder().setFile("breach.csv").setLine(2).setImportId("import-1").build())
                .setAddress(address)
                .setTenant(null)
                .setLifecycle("active")
                .setCredentialStorage("hashed")
                .setImportedAt(IMPORTED_AT);
    }

    static BreachRow.Builder row(String address, long line) {
        return row(address).setSource(SourceReference.newBuilder()
                .setFile("breach.csv").setLine(line).setImportId("import-1").build());
    }
}
