package io.resetflow.serde;

import io.resetflow.registry.CachingSchemaRegistryClient;
import io.resetflow.registry.RestSchemaRegistryClient;
import io.resetflow.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds configured value serdes from one registry client, so every serde of a service shares its
 * id cache. Services create one from their config; topology tests from an in-memory registry.
 */
public final class AvroSerdes {

    private final SchemaRegistryClient registry;
    private final Map<String, ?> configs;

    public AvroSerdes(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = new CachingSchemaRegistryClient(registry);
        this.configs = configs;
    }

    public static AvroSerdes forRegistry(String registryUrl) {
        return new AvroSerdes(new RestSchemaRegistryClient(registryUrl),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public <T extends SpecificRecord> SpecificAvroSerde<T> value(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, registry);
        serde.configure(configs, false);
        return serde;
    }

    public <T extends SpecificRecord> SpecificAvroSerde<T> key(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, registry);
        serde.configure(configs, true);
        return serde;
    }
}
