package io.resetflow.serde;

import io.resetflow.registry.CachingSchemaRegistryClient;
import io.resetflow.registry.RestSchemaRegistryClient;
import io.resetflow.registry.SchemaRegistryClient;

final class RegistryClients {

    private RegistryClients() {
    }

    static SchemaRegistryClient from(AvroSerdeConfig config) {
        return new CachingSchemaRegistryClient(
                new RestSchemaRegistryClient(config.requireRegistryUrls(), config.basicAuthUserInfo()));
    }
}
