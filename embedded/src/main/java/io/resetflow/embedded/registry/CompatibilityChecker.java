package io.resetflow.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Decides with Avro's own reader/writer rules whether a schema may follow earlier versions under a level. */
final class CompatibilityChecker {

    /**
     * Why the candidate may not follow the earlier versions (oldest first); empty when it may. Non-transitive
     * levels look at the last of {@code earlier} only.
     */
    List<String> incompatibilities(Schema candidate, List<Schema> earlier, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Schema> checked = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema existing : checked) {
            if (level.backward()) {
                problems.addAll(describe("new schema cannot read data written with an earlier one",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing)));
            }
            if (level.forward()) {
                problems.addAll(describe("an earlier schema cannot read data written with the new one",
                        SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate)));
            }
        }
        return problems;
    }

    private static List<String> describe(String direction, SchemaPairCompatibility result) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
        if (problems.isEmpty()) {
            problems.add(direction + ": " + result.getDescription());
        }
        return problems;
    }
}
