package io.resetflow.core.config;

import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopicPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings every ResetFlow service shares. Anything under {@code kafka.} is handed to the Kafka
 * clients unchanged (security protocol, SASL, TLS), so the services run against any cluster.
 */
public class CommonConfig extends AbstractConfig {

    public static final String KAFKA_PREFIX = "kafka.";
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String TENANTS_FILE = "tenants.file";
    public static final String MAILBOX_ID_SECRET = "mailbox.id.secret";
    /** The built-in secret: whoever holds the breach list computes every mailboxId with it. Tests only. */
    public static final String DEVELOPMENT_SECRET = "resetflow-local-development-secret";
    public static final int MIN_SECRET_BYTES = 32;
    public static final String TOPIC_PARTITIONS = "topics.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPIC_PREFIX = "topics.prefix";
    public static final String HTTP_PORT = "http.port";
    public static final String SHUTDOWN_TIMEOUT_SECONDS = "shutdown.timeout.seconds";
    public static final String STATE_DIR = "state.dir";
    public static final String CAMPAIGN_START = "campaign.start";
    public static final String CLOCK_SPEED = "campaign.clock.speed";
    public static final String HTTP_BIND_ADDRESS = "http.bind.address";
    public static final String HTTP_TOKENS_FILE = "http.tokens.file";
    public static final String HTTP_TOKENS = "http.tokens";
    public static final String HTTP_PEER_TOKEN = "http.peer.token";
    public static final String HTTP_OPEN_ENDPOINTS = "http.open.endpoints";
    public static final String HTTP_LOOKUPS_PER_MINUTE = "http.lookups.per.minute";
    public static final String HTTP_SESSION_IDLE_MINUTES = "http.session.idle.minutes";
    public static final String HTTP_TLS_KEYSTORE = "http.tls.keystore.file";
    public static final String HTTP_TLS_KEYSTORE_PASSWORD = "http.tls.keystore.password";
    public static final String HTTP_TLS_CERTIFICATE = "http.tls.certificate.file";
    public static final String HTTP_TLS_KEY = "http.tls.key.file";
    public static final String HTTP_TLS_TRUSTSTORE = "http.tls.truststore.file";
    public static final String HTTP_TLS_TRUSTSTORE_PASSWORD = "http.tls.truststore.password";

    public static ConfigDef definition() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", Importance.HIGH,
                        "Kafka bootstrap servers.")
                .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", Importance.HIGH,
                        "Confluent-compatible schema registry URL(s), comma-separated.")
                .define(TENANTS_FILE, Type.STRING, "", Importance.MEDIUM,
                        "YAML file listing the tenants; empty for the bundled six ISPs.")
                .define(MAILBOX_ID_SECRET, Type.PASSWORD, DEVELOPMENT_SECRET, Importance.HIGH,
                        "Deployment secret keying the HMAC that pseudonymizes mailbox addresses; at least "
                                + MIN_SECRET_BYTES + " bytes. The services refuse the built-in development value.")
                .define(TOPIC_PARTITIONS, Type.INT, 6, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Partitions of the topics ResetFlow creates.")
                .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Importance.MEDIUM,
                        "Replication factor of the topics ResetFlow creates.")
                .define(TOPIC_PREFIX, Type.STRING, "", Importance.LOW,
                        "Prefix of the shared (non-tenant) topic names.")
                .define(SHUTDOWN_TIMEOUT_SECONDS, Type.INT, 30, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "How long a stop (SIGTERM) may take: Kafka Streams' close, leaving its group, or the "
                                + "notifier's sending threads finishing their mails; keep it below the supervisor's "
                                + "grace period.")
                .define(HTTP_PORT, Type.INT, 0, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                        "Port of the service's HTTP server (/health, /metrics, APIs); 0 picks a free one.")
                .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/resetflow-state",
                        Importance.MEDIUM, "Directory of Kafka Streams state stores.")
                .define(CAMPAIGN_START, Type.STRING, "", Importance.MEDIUM,
                        "ISO-8601 instant the campaign clock is anchored at; empty means the service's start. "
                                + "Set it (the same for every service) whenever the clock speed is above 1.")
                .define(CLOCK_SPEED, Type.DOUBLE, 1.0, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Campaign seconds per wall-clock second (1440 runs a campaign day per minute); the "
                                + "same for every service.")
                .define(HTTP_BIND_ADDRESS, Type.STRING, "127.0.0.1", Importance.HIGH,
                        "Address the HTTP server listens on; 0.0.0.0 (or a pod address) only where other "
                                + "instances or a load balancer must reach it.")
                .define(HTTP_TOKENS_FILE, Type.STRING, "", Importance.HIGH,
                        "File of accepted API tokens, one '<name> <role> <sha256>' per line (role operations, "
                                + "service or tenant:<id>; `resetflow api token` makes a line).")
                .define(HTTP_TOKENS, Type.PASSWORD, "", Importance.MEDIUM,
                        "More accepted tokens in the same form, separated by ';' (e.g. from RESETFLOW_HTTP_TOKENS).")
                .define(HTTP_PEER_TOKEN, Type.PASSWORD, "", Importance.MEDIUM,
                        "The service token this instance asks its peers with (its hash must be accepted there).")
                .define(HTTP_OPEN_ENDPOINTS, Type.LIST, "/health,/metrics", Importance.MEDIUM,
                        "Which of /health and /metrics answer without a token.")
                .define(HTTP_LOOKUPS_PER_MINUTE, Type.LONG, 30L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Address lookups each token may make per minute.")
                .define(HTTP_SESSION_IDLE_MINUTES, Type.LONG, 480L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Minutes an idle dashboard session lasts.")
                .define(HTTP_TLS_KEYSTORE, Type.STRING, "", Importance.MEDIUM, "PKCS#12 keystore for HTTPS.")
                .define(HTTP_TLS_KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "Its password.")
                .define(HTTP_TLS_CERTIFICATE, Type.STRING, "", Importance.MEDIUM,
                        "PEM certificate chain for HTTPS (with " + HTTP_TLS_KEY + "), instead of a keystore.")
                .define(HTTP_TLS_KEY, Type.STRING, "", Importance.MEDIUM, "PEM PKCS#8 private key for HTTPS.")
                .define(HTTP_TLS_TRUSTSTORE, Type.STRING, "", Importance.LOW,
                        "Certificates (PKCS#12 or PEM) trusted when asking peer instances over HTTPS.")
                .define(HTTP_TLS_TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Its password, if PKCS#12.");
    }

    public CommonConfig(Map<String, ?> values) {
        this(definition(), values);
    }

    protected CommonConfig(ConfigDef definition, Map<String, ?> values) {
        super(definition, values, false);
    }

    /** The campaign clock every service shares; {@code fallbackStart} anchors it when no start is set. */
    public CampaignClock campaignClock(Instant fallbackStart) {
        String start = getString(CAMPAIGN_START);
        Instant anchor;
        try {
            anchor = start.isBlank() ? fallbackStart : Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new ConfigException(CAMPAIGN_START, start, "not an ISO-8601 instant such as 2025-06-01T00:00:00Z");
        }
        return new CampaignClock(anchor, getDouble(CLOCK_SPEED));
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public Tenants tenants() {
        String file = getString(TENANTS_FILE);
        return TenantsLoader.load(file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
    }

    public String mailboxIdSecret() {
        return getPassword(MAILBOX_ID_SECRET).value();
    }

    /**
     * Fails unless {@code mailbox.id.secret} is a deployment's own: with the built-in value, or a short
     * one, anyone holding the breach list could compute every mailboxId and undo the pseudonyms.
     */
    public void requireDeploymentSecret() {
        String secret = mailboxIdSecret();
        if (secret.equals(DEVELOPMENT_SECRET)) {
            throw new ConfigException(MAILBOX_ID_SECRET + " is the built-in development value: set the deployment's own "
                    + "secret (at least " + MIN_SECRET_BYTES + " bytes, e.g. from openssl rand -base64 48)");
        }
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigException(MAILBOX_ID_SECRET + " is shorter than " + MIN_SECRET_BYTES
                    + " bytes: set a longer secret (e.g. from openssl rand -base64 48)");
        }
    }

    public TopicNames topicNames() {
        return TopicNames.withSharedPrefix(getString(TOPIC_PREFIX));
    }

    public TopicPlan topicPlan() {
        return new TopicPlan(topicNames(), getInt(TOPIC_PARTITIONS), getShort(TOPIC_REPLICATION_FACTOR));
    }

    public java.time.Duration shutdownTimeout() {
        return java.time.Duration.ofSeconds(getInt(SHUTDOWN_TIMEOUT_SECONDS));
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    /** The {@code kafka.}-prefixed settings with the prefix removed: ready for any Kafka client. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> client = new HashMap<>();
        originals().forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX)) {
                client.put(key.substring(KAFKA_PREFIX.length()), value);
            }
        });
        client.put("bootstrap.servers", bootstrapServers());
        return client;
    }

    /**
     * Every setting, for the start-up log: secrets and secret-like keys shown as [hidden], credentials
     * inside URLs removed ({@link Redaction}).
     */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        values().forEach((key, value) -> shown.put(key, value instanceof Password ? Redaction.HIDDEN
                : Redaction.shown(key, value)));
        originals().forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX) || !shown.containsKey(key)) {
                shown.put(key, value instanceof Password ? Redaction.HIDDEN : Redaction.shown(key, value));
            }
        });
        return shown;
    }
}
