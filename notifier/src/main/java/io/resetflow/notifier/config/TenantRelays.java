package io.resetflow.notifier.config;

import io.resetflow.notifier.send.SmtpSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * Each tenant's relay: the global {@code smtp.*} settings, overridden per tenant by
 * {@code smtp.<tenant>.host|port|username|password|starttls|connections}. An ISP that wants its
 * notices to leave through its own MTA names it; the others share the global relay (each tenant
 * still gets its own pool of connections).
 */
final class TenantRelays {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String STARTTLS = "starttls";
    static final String CONNECTIONS = "connections";
    private static final Set<String> SETTINGS = Set.of(HOST, PORT, USERNAME, PASSWORD, STARTTLS, CONNECTIONS);

    private TenantRelays() {
    }

    static Map<String, SmtpSettings> of(List<String> tenants, SmtpSettings global, Map<String, ?> originals) {
        Map<String, Map<String, String>> overrides = overrides(tenants, originals);
        Map<String, SmtpSettings> relays = new LinkedHashMap<>();
        for (String tenant : tenants) {
            Map<String, String> own = overrides.getOrDefault(tenant, Map.of());
            relays.put(tenant, own.isEmpty() ? global : apply(tenant, global, own));
        }
        return relays;
    }

    private static Map<String, Map<String, String>> overrides(List<String> tenants, Map<String, ?> originals) {
        Map<String, Map<String, String>> byTenant = new HashMap<>();
        for (String tenant : tenants) {
            String prefix = NotifierConfig.SMTP_PREFIX + tenant + ".";
            originals.forEach((key, value) -> {
                if (!key.startsWith(prefix)) {
                    return;
                }
                String setting = key.substring(prefix.length());
                if (!SETTINGS.contains(setting)) {
                    throw new ConfigException(key, "(hidden)", "unknown relay setting; a tenant's relay takes "
                            + String.join(", ", SETTINGS.stream().sorted().toList()));
                }
                byTenant.computeIfAbsent(tenant, t -> new HashMap<>()).put(setting, String.valueOf(value));
            });
        }
        return byTenant;
    }

    private static SmtpSettings apply(String tenant, SmtpSettings global, Map<String, String> own) {
        String key = NotifierConfig.SMTP_PREFIX + tenant + ".";
        return new SmtpSettings(
                own.getOrDefault(HOST, global.host()),
                own.containsKey(PORT) ? integer(key + PORT, own.get(PORT)) : global.port(),
                own.containsKey(USERNAME) ? nonBlank(own.get(USERNAME)) : global.username(),
                own.containsKey(PASSWORD) ? nonBlank(own.get(PASSWORD)) : global.password(),
                own.containsKey(STARTTLS) ? bool(key + STARTTLS, own.get(STARTTLS)) : global.startTls(),
                own.containsKey(CONNECTIONS) ? integer(key + CONNECTIONS, own.get(CONNECTIONS)) : global.connections(),
                global.timeout(), global.idleReconnect(), global.heloName());
    }

    private static Optional<String> nonBlank(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "not a whole number");
        }
    }

    private static boolean bool(String key, String value) {
        String text = value.strip();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(text);
    }
}
