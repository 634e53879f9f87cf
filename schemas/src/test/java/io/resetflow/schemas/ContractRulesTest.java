package io.resetflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The rules every record of the contract keeps: documented, no secrets, typed times. */
class ContractRulesTest {

    @Test
    void everyFieldIsDocumented() {
        assertThat(allFields()).allSatisfy(field ->
                assertThat(field.doc()).as("doc of %s", field.name()).isNotBlank());
    }

    @Test
    void noFieldCanHoldAPasswordOrHash() {
        assertThat(allFields()).extracting(field -> field.name().toLowerCase(Locale.ROOT))
                .noneMatch(name -> name.contains("password") || name.contains("passwd") || name.contains("hash")
                        || name.equals("pwd") || name.equals("pass") || name.contains("secret"));
    }

    @Test
    void fieldsNamedAsTimesAreTimestampMillis() {
        assertThat(allFields()).filteredOn(field -> field.name().endsWith("At") || field.name().equals("deadline")
                        || field.name().equals("asOf"))
                .isNotEmpty()
                .allSatisfy(field -> assertThat(LogicalTypes.fromSchemaIgnoreInvalid(nonNull(field.schema())))
                        .as("logical type of %s", field.name()).isInstanceOf(LogicalTypes.TimestampMillis.class));
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                ? schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow()
                : schema;
    }

    private static List<Schema.Field> allFields() {
        List<Schema.Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ContractSchemas.ALL.forEach(schema -> collect(schema, fields, seen));
        return fields;
    }

    private static void collect(Schema schema, List<Schema.Field> fields, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    for (Schema.Field field : schema.getFields()) {
                        fields.add(field);
                        collect(field.schema(), fields, seen);
                    }
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collect(type, fields, seen));
            case ARRAY -> collect(schema.getElementType(), fields, seen);
            case MAP -> collect(schema.getValueType(), fields, seen);
            default -> {
            }
        }
    }
}
