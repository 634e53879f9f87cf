package io.resetflow.bench;

import io.resetflow.core.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * six topics. Its rate is the ceiling the real intake is compared with.
 */
final class ReferenceStreamsApp {

    private static final int OUTPUTS = 6;

    private ReferenceStreamsApp() {
    }

    static double run(String bootstrap, int partitions, String input, long records, Path stateDir) throws Exception {
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < OUTPUTS; i++) {
            outputs.add("bench.reference.out-" + i);
        }
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(outputs.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList()).all().get();
        }
        StoreBuilder<KeyValueStore<Bytes, byte[]>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("reference-store"), Serdes.Bytes(), Serdes.ByteArray());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-source"))
                .process(new ProcessorSupplier<byte[], byte[], byte[], byte[]>() {
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
                }, org.apache.kafka.streams.kstream.Named.as("reference-put"))
                .to((key, value, context) -> outputs.get(Math.floorMod(Arrays.hashCode(key), OUTPUTS)),
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-sink"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-reference");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put("consumer.auto.offset.reset", "earliest");
        // The same generic tuning as intake (commit interval, threads, producer and poll sizes), so the ratio is fair.
        StreamsSettings.withThroughputTuning(props);
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            RawKafka.awaitCommittedRecords(bootstrap, outputs, records);
            double seconds = (System.nanoTime() - start) / 1e9;
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }
}
