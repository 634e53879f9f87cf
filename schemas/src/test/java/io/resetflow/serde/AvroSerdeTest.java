package io.resetflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.SourceReference;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SpecificAvroSerde<BreachRow> serde = new SpecificAvroSerde<>(BreachRow.class, registry);

    static BreachRow row() {
        return BreachRow.newBuilder()
                .setSource(new SourceReference("breach.csv", 2L, "import-1"))
                .setAddress("Taro@Biglobe.ne.jp")
                .setTenant("biglobe")
                .setImportedAt(Instant.parse("2026-11-25T00:00:00Z"))
                .build();
    }

    @Test
    void preparingATopicRegistersItsSchemaBeforeTheFirstRecord() {
        serde.configure(Map.of(), false);

        serde.serializer().prepare("breach.affected-accounts", BreachRow.getClassSchema());

        int id = registry.idOf("breach.affected-accounts-value", BreachRow.getClassSchema()).orElseThrow();
        byte[] bytes = serde.serializer().serialize("breach.affected-accounts", row());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void preparingATopicFailsWhenTheSchemaIsNotRegisteredAndMayNotBe() {
        serde.configure(Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serde.serializer().prepare("breach.affected-accounts", BreachRow.getClassSchema()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered");
    }

    @Test
    void framesRecordsLikeConfluentWithMagicByteAndSchemaId() {
        serde.configure(Map.of(), false);

        byte[] bytes = serde.serializer().serialize("breach.affected-accounts", row());

        int id = registry.idOf("breach.affected-accounts-value", BreachRow.getClassSchema()).orElseThrow();
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void roundTripsASpecificRecord() {
        serde.configure(Map.of(), false);

        byte[] bytes = serde.serializer().serialize("t", row());

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(row());
    }

    @Test
    void aRecordThatFailsHalfwayLeavesNothingBehindForTheNextOne() {
        serde.configure(Map.of(), false);
        byte[] before = serde.serializer().serialize("t", row());
        BreachRow broken = row();
        broken.put("importedAt", null); // the last field: every field before it is encoded when it fails

        assertThatThrownBy(() -> serde.serializer().serialize("t", broken)).isInstanceOf(SerializationException.class);

        assertThat(serde.serializer().serialize("t", row())).isEqualTo(before);
    }

    @Test
    void threadsSharingOneSerializerEachGetTheirOwnRecordsBack() throws Exception {
        serde.configure(Map.of(), false);
        int threads = 4;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> intact = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "thread" + t + "-";
                intact.add(pool.submit(() -> {
                    int same = 0;
                    for (int i = 0; i < perThread; i++) {
                        BreachRow written = row();
                        written.setAddress(prefix + i + "@biglobe.ne.jp");
                        byte[] bytes = serde.serializer().serialize("t", written);
                        same += serde.deserializer().deserialize("t", bytes).equals(written) ? 1 : 0;
                    }
                    return same;
                }));
            }
            for (Future<Integer> result : intact) {
                assertThat(result.get()).isEqualTo(perThread);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registersKeysUnderTheKeySubject() {
        serde.configure(Map.of(), true);

        serde.serializer().serialize("t", row());

        assertThat(registry.latest("t-key")).isPresent();
        assertThat(registry.latest("t-value")).isEmpty();
    }

    @Test
    void passesNullThroughForTombstones() {
        serde.configure(Map.of(), false);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void rejectsBytesWithoutTheMagicByte() {
        serde.configure(Map.of(), false);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    @Test
    void refusesToRegisterWhenAutoRegisterIsOff() {
        serde.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serde.serializer().serialize("t", row()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered");
    }

    @Test
    void readsRecordsWrittenWithAnOlderSchemaVersion() {
        Schema older = SchemaBuilder.record("BreachRow").namespace("io.resetflow.avro").fields()
                .name("source").type(SourceReference.getClassSchema()).noDefault()
                .name("address").type().optional().stringType()
                .name("importedAt").type(BreachRow.getClassSchema().getField("importedAt").schema()).noDefault()
                .endRecord();
        GenericRecord source = new GenericData.Record(SourceReference.getClassSchema());
        source.put("file", "old.csv");
        source.put("line", 7L);
        source.put("importId", "import-0");
        GenericRecord old = new GenericData.Record(older);
        old.put("source", source);
        old.put("address", "hanako@nifty.com");
        old.put("importedAt", 1_700_000_000_000L);
        AvroSerializer<GenericRecord> oldWriter = new AvroSerializer<>(registry);
        oldWriter.configure(Map.of(), false);
        byte[] bytes = oldWriter.serialize("t", old);
        serde.configure(Map.of(), false);

        BreachRow read = serde.deserializer().deserialize("t", bytes);

        assertThat(read.getAddress()).isEqualTo("hanako@nifty.com");
        assertThat(read.getTenant()).isNull();
        assertThat(read.getSource().getLine()).isEqualTo(7L);
    }

    @Test
    void honoursSpecificAvroReaderLikeConfluent() {
        serde.configure(Map.of(), false);
        byte[] bytes = serde.serializer().serialize("t", row());
        AvroDeserializer<Object> specific = new AvroDeserializer<>(registry);
        specific.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        AvroDeserializer<Object> generic = new AvroDeserializer<>(registry);
        generic.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "false"), false);

        assertThat(specific.deserialize("t", bytes)).isInstanceOf(BreachRow.class);
        Object read = generic.deserialize("t", bytes);
        assertThat(read).isNotInstanceOf(BreachRow.class).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("address").toString()).isEqualTo("Taro@Biglobe.ne.jp");
    }
}
