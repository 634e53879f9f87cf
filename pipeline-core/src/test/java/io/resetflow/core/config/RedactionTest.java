package io.resetflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void hidesEverySecretLikeSettingAndCredentialsInUrls() {
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.MAILBOX_ID_SECRET, "m".repeat(40));
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, "https://registry-user:s3cr3t@registry.example:8081");
        values.put("kafka.sasl.jaas.config", "ScramLoginModule required username=\"x\" password=\"scram-pw\";");
        values.put("kafka.ssl.key.password", "key-pw");
        values.put("kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----abc");
        values.put("kafka.ssl.keystore.certificate.chain", "-----BEGIN CERTIFICATE-----abc");
        values.put("kafka.ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----def");
        values.put("kafka.basic.auth.user.info", "registry-user:s3cr3t");
        values.put("smtp.password", "smtp-pw");
        values.put("smtp.nifty.password", "nifty-pw");
        values.put(CommonConfig.HTTP_TOKENS, "alice operations AAAA");
        values.put(CommonConfig.HTTP_PEER_TOKEN, "peer-token");
        values.put("kafka.security.protocol", "SASL_SSL");

        Map<String, String> shown = new CommonConfig(values).describe();

        assertThat(shown.toString()).doesNotContain("s3cr3t", "scram-pw", "key-pw", "BEGIN", "smtp-pw", "nifty-pw",
                "peer-token", "mmmm", "AAAA");
        assertThat(shown).containsEntry(CommonConfig.SCHEMA_REGISTRY_URL, "https://[hidden]@registry.example:8081")
                .containsEntry("kafka.security.protocol", "SASL_SSL")
                .containsEntry("smtp.nifty.password", "[hidden]")
                .containsEntry("kafka.basic.auth.user.info", "[hidden]");
    }
}
