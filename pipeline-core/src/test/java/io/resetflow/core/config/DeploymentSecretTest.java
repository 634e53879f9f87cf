package io.resetflow.core.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeService;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** With the built-in or a short mailbox-id secret, anyone holding the breach list could undo the pseudonyms. */
class DeploymentSecretTest {

    private static CommonConfig withSecret(String secret) {
        return new CommonConfig(Map.of(CommonConfig.MAILBOX_ID_SECRET, secret));
    }

    @Test
    void theBuiltInDevelopmentSecretIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new CommonConfig(Map.of()).requireDeploymentSecret())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mailbox.id.secret").hasMessageContaining("development value")
                .hasMessageNotContaining(CommonConfig.DEVELOPMENT_SECRET);
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> withSecret("a".repeat(31)).requireDeploymentSecret())
                .isInstanceOf(ConfigException.class).hasMessageContaining("shorter than 32 bytes");
        assertThatCode(() -> withSecret("a".repeat(32)).requireDeploymentSecret()).doesNotThrowAnyException();
    }

    @Test
    void theIntakeServiceRefusesToStartWithoutTheDeploymentsOwnSecret() {
        assertThatThrownBy(() -> new IntakeService(new IntakeConfig(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mailbox.id.secret");
    }
}
