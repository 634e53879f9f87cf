package io.resetflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ISPs consume our topics with the schemas we released; a change that makes their old records
 * unreadable by the current schema fails the build here.
 */
class BackwardCompatibilityTest {

    static Stream<Schema> currentSchemas() {
        return ContractSchemas.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaReadsRecordsWrittenWithTheReleasedOne(Schema current) throws IOException {
        Schema released = resource("/released/" + current.getName() + ".avsc");

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, released);

        assertThat(result.getType())
                .as("%s must stay backward compatible: %s", current.getName(), result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void everyContractRecordHasAReleasedVersion() {
        assertThat(ContractSchemas.ALL)
                .allSatisfy(schema -> assertThat(getClass().getResource("/released/" + schema.getName() + ".avsc"))
                        .as("released/%s.avsc", schema.getName()).isNotNull());
    }

    @Test
    void aRequiredFieldWithoutDefaultIsDetectedAsBreaking() throws IOException {
        Schema released = resource("/released/BreachRow.avsc");
        Schema breaking = resource("/incompatible/BreachRow.avsc");

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(breaking, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(result.getResult().getIncompatibilities())
                .anySatisfy(incompatibility -> assertThat(incompatibility.getMessage()).contains("tenantRegion"));
    }

    private Schema resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
