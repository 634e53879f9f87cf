package io.resetflow.bench;

import io.resetflow.intake.IntakeStreamsTuning;
import io.resetflow.core.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The least an exactly_once_v2 intake could do: one RocksDB put per record and a write to one of
 * six "tenant" topics; in its {@link Shape#INTAKE_OUTPUTS} shape also a second write to one more
 * topic, as intake writes each accepted mailbox to its tenant's topic and to remediation.intake.
 * Its rate is the ceiling the real intake is compared with. It runs with intake's own Streams
 * settings, so the ratio compares the work done, not the tuning.
 */
final class ReferenceStreamsApp {

    /** What the reference writes per record. */
    enum Shape {
        /** One write, to one of six topics. */
        ONE_WRITE("one-write", 1),
        /** Two writes, to one of six topics and to a seventh, as intake does per accepted mailbox. */
        INTAKE_OUTPUTS("intake-outputs", 2);

        final String id;
        final int writes;

        Shape(String id, int writes) {
            this.id = id;
            this.writes = writes;
        }
    }

    private static final int TENANT_TOPICS = 6;

    private ReferenceStreamsApp() {
    }

    static double run(String bootstrap, int partitions, String input, long records, Path stateDir, Shape shape)
            throws Exception {
        String prefix = "bench.reference." + shape.id + ".";
        List<String> tenantTopics = new ArrayList<>();
        for (int i = 0; i < TENANT_TOPICS; i++) {
            tenantTopics.add(prefix + "tenant-" + i);
        }
        String intakeTopic = prefix + "intake";
        List<String> outputs = new ArrayList<>(tenantTopics);
        if (shape == Shape.INTAKE_OUTPUTS) {
            outputs.add(intakeTopic);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(outputs.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList()).all().get();
        }
        StoreBuilder<KeyValueStore<Bytes, byte[]>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("reference-store"), Serdes.Bytes(), Serdes.ByteArray());
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> stored = builder.stream(input,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-source"))
                .process(new OnePut(store), Named.as("reference-put"));
        stored.to((key, value, context) -> tenantTopics.get(Math.floorMod(Arrays.hashCode(key), TENANT_TOPICS)),
                Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-tenant-sink"));
        if (shape == Shape.INTAKE_OUTPUTS) {
            stored.to(intakeTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-intake-sink"));
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-reference-" + shape.id);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(shape.id).toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put("consumer.auto.offset.reset", "earliest");
        IntakeStreamsTuning.applyTo(StreamsSettings.withThroughputTuning(props));
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            RawKafka.awaitCommittedRecords(bootstrap, outputs, records * shape.writes, RawKafka.COMPLETION_TIMEOUT);
            double seconds = (System.nanoTime() - start) / 1e9;
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }

    /** Puts each record under a unique 40-byte key and passes it on with that key. */
    private record OnePut(StoreBuilder<KeyValueStore<Bytes, byte[]>> store)
            implements ProcessorSupplier<byte[], byte[], byte[], byte[]> {

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(store);
        }

        @Override
        public Processor<byte[], byte[], byte[], byte[]> get() {
            return new Processor<>() {
                private ProcessorContext<byte[], byte[]> context;
                private KeyValueStore<Bytes, byte[]> kv;
                private long sequence;

                @Override
                public void init(ProcessorContext<byte[], byte[]> context) {
                    this.context = context;
                    this.kv = context.getStateStore(store.name());
                }

                @Override
                public void process(Record<byte[], byte[]> record) {
                    byte[] key = Arrays.copyOf(record.value(), 40);
                    long n = sequence++;
                    for (int i = 0; i < 8; i++) {
                        key[32 + i] = (byte) (n >>> (8 * i));
                    }
                    kv.put(Bytes.wrap(key), new byte[] {1});
                    context.forward(record.withKey(key));
                }
            };
        }
    }
}
