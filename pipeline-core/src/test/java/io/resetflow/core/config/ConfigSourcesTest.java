package io.resetflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aMountedSecretSetsItsSettingsOverTheFileAndUnderTheEnvironment() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("mailbox.id.secret"), "from-the-secret-0123456789abcdefghijkl\n");
        Files.writeString(secrets.resolve("kafka.sasl.jaas.config"), "jaas from the secret");
        Files.writeString(secrets.resolve("schema.registry.url"), "http://secret:8081\r\n");
        Files.createDirectories(secrets.resolve("..2026_12_01"));
        Files.writeString(secrets.resolve("..data"), "kubernetes' own entry");
        Path file = Files.writeString(dir.resolve("service.properties"), "mailbox.id.secret=from-the-file\n"
                + "secrets.dir=" + secrets + "\nkafka.bootstrap.servers=kafka:9092\n");

        Map<String, Object> merged = ConfigSources.merge(Optional.of(file),
                Map.of("RESETFLOW_SCHEMA_REGISTRY_URL", "http://env:8081"), Map.of());

        assertThat(merged).containsEntry("mailbox.id.secret", "from-the-secret-0123456789abcdefghijkl")
                .containsEntry("kafka.sasl.jaas.config", "jaas from the secret")
                .containsEntry("schema.registry.url", "http://env:8081")
                .containsEntry("kafka.bootstrap.servers", "kafka:9092")
                .doesNotContainKey("..data");
    }

    @Test
    void theSecretsDirectoryMayComeFromTheEnvironmentAndMustExist() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("mounted"));
        Files.writeString(secrets.resolve("smtp.password"), "relay password");

        assertThat(ConfigSources.merge(Optional.empty(), Map.of("RESETFLOW_SECRETS_DIR", secrets.toString()), Map.of()))
                .containsEntry("smtp.password", "relay password");
        assertThatThrownBy(() -> ConfigSources.merge(Optional.empty(),
                Map.of("RESETFLOW_SECRETS_DIR", dir.resolve("absent").toString()), Map.of()))
                .hasMessageContaining("is not a directory");
    }
}
