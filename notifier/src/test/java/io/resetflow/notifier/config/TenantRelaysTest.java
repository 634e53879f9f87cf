package io.resetflow.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.notifier.send.SmtpSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TenantRelaysTest {

    private static Map<String, Object> globalRelay() {
        Map<String, Object> values = new HashMap<>();
        values.put(NotifierConfig.SMTP_HOST, "relay.platform.example");
        values.put(NotifierConfig.SMTP_PORT, 25);
        values.put(NotifierConfig.SMTP_CONNECTIONS, 4);
        return values;
    }

    @Test
    void aTenantWithoutItsOwnRelayUsesTheGlobalOne() {
        // Given only the global relay
        NotifierConfig config = new NotifierConfig(globalRelay());

        // When the relays are read
        Map<String, SmtpSettings> relays = config.relays();

        // Then every tenant has one, the global relay
        assertThat(relays).containsOnlyKeys(config.tenants().ids());
        assertThat(relays.values()).allSatisfy(relay -> {
            assertThat(relay.host()).isEqualTo("relay.platform.example");
            assertThat(relay.port()).isEqualTo(25);
            assertThat(relay.connections()).isEqualTo(4);
        });
    }

    @Test
    void aTenantNamesItsOwnRelayAndKeepsTheGlobalSettingsItDoesNotOverride() {
        // Given nifty's own relay with submission port, credentials, STARTTLS and 2 connections
        Map<String, Object> values = globalRelay();
        values.put("smtp.nifty.host", "mta.nifty.example");
        values.put("smtp.nifty.port", "587");
        values.put("smtp.nifty.username", "resetflow");
        values.put("smtp.nifty.password", "s3cret");
        values.put("smtp.nifty.starttls", "true");
        values.put("smtp.nifty.connections", "2");
        values.put("smtp.jcom.host", "mta.jcom.example");

        // When the relays are read
        Map<String, SmtpSettings> relays = new NotifierConfig(values).relays();

        // Then nifty's relay is its own, jcom's overrides only the host, the others use the global relay
        SmtpSettings nifty = relays.get("nifty");
        assertThat(nifty.host()).isEqualTo("mta.nifty.example");
        assertThat(nifty.port()).isEqualTo(587);
        assertThat(nifty.username()).contains("resetflow");
        assertThat(nifty.password()).contains("s3cret");
        assertThat(nifty.startTls()).isTrue();
        assertThat(nifty.connections()).isEqualTo(2);
        assertThat(nifty.toString()).doesNotContain("s3cret");
        SmtpSettings jcom = relays.get("jcom");
        assertThat(jcom.host()).isEqualTo("mta.jcom.example");
        assertThat(jcom.port()).isEqualTo(25);
        assertThat(jcom.username()).isEqualTo(Optional.empty());
        assertThat(jcom.connections()).isEqualTo(4);
        assertThat(relays.get("biglobe").host()).isEqualTo("relay.platform.example");
    }

    @Test
    void rejectsAnUnknownRelaySettingWithoutEchoingItsValue() {
        Map<String, Object> values = globalRelay();
        values.put("smtp.ctc.pasword", "typo-secret");

        assertThatThrownBy(() -> new NotifierConfig(values).relays()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smtp.ctc.pasword").hasMessageNotContaining("typo-secret");
    }

    @Test
    void rejectsARelayPortThatIsNotANumber() {
        Map<String, Object> values = globalRelay();
        values.put("smtp.ctc.port", "twenty-five");

        assertThatThrownBy(() -> new NotifierConfig(values).relays()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smtp.ctc.port");
    }

    @Test
    void refusesSmtpAuthWithoutStarttlsUnlessExplicitlyAllowed() {
        Map<String, Object> values = globalRelay();
        values.put("smtp.nifty.username", "resetflow");
        values.put("smtp.nifty.password", "s3cret");

        assertThatThrownBy(() -> new NotifierConfig(values).relays()).isInstanceOf(ConfigException.class)
                .hasMessage("smtp.nifty.username is set but smtp.nifty.starttls is not: SMTP AUTH would send the "
                        + "password in clear; set smtp.nifty.starttls=true (or smtp.allow.plaintext.auth=true for a "
                        + "relay on this host)");

        values.put(NotifierConfig.SMTP_ALLOW_PLAINTEXT_AUTH, "true");
        assertThat(new NotifierConfig(values).relays().get("nifty").username()).contains("resetflow");
    }
}
