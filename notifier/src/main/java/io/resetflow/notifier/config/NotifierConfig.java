package io.resetflow.notifier.config;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.notifier.mail.DkimKey;
import io.resetflow.notifier.pacing.RetryPolicy;
import io.resetflow.notifier.send.SmtpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The notifier's settings on top of the common ones. DKIM keys are per tenant:
 * {@code dkim.<tenant>.domain}, {@code dkim.<tenant>.selector}, {@code dkim.<tenant>.key.file} (PKCS#8 PEM);
 * so is the relay, where a tenant names its own: {@code smtp.<tenant>.host}, {@code .port},
 * {@code .username}, {@code .password}, {@code .starttls}, {@code .connections} (each defaulting to the
 * global {@code smtp.*} setting).
 */
public final class NotifierConfig extends CommonConfig {

    public static final String GROUP_ID = "notifier.group.id";
    public static final String TRANSACTIONAL_ID = "notifier.transactional.id";
    public static final String LEDGER_TOPIC = "notifier.ledger.topic";
    public static final String LEDGER_DIR = "notifier.ledger.dir";
    public static final String TEMPLATES_DIR = "notifier.templates.dir";
    public static final String MAX_PENDING = "notifier.max.pending";
    public static final String COMMIT_INTERVAL_MS = "notifier.commit.interval.ms";
    public static final String GLOBAL_RATE = "notifier.rate.global.per.second";
    public static final String QUIET_RECHECK_MS = "notifier.quiet.recheck.ms";
    public static final String PAUSED_TENANTS = "notifier.paused.tenants";
    public static final String RETRY_MAX_ATTEMPTS = "notifier.retry.max.attempts";
    public static final String RETRY_INITIAL_MS = "notifier.retry.initial.backoff.ms";
    public static final String RETRY_MAX_MS = "notifier.retry.max.backoff.ms";
    public static final String RETRY_DEADLINE_MS = "notifier.retry.deadline.ms";
    public static final String RELAY_HOLD_INITIAL_MS = "notifier.relay.hold.initial.ms";
    public static final String RELAY_HOLD_MAX_MS = "notifier.relay.hold.max.ms";
    public static final String RELAY_BURST_COUNT = "notifier.relay.burst.count";
    public static final String RELAY_BURST_WINDOW_MS = "notifier.relay.burst.window.ms";
    public static final String SMTP_PREFIX = "smtp.";
    public static final String SMTP_HOST = "smtp.host";
    public static final String SMTP_PORT = "smtp.port";
    public static final String SMTP_USERNAME = "smtp.username";
    public static final String SMTP_PASSWORD = "smtp.password";
    public static final String SMTP_STARTTLS = "smtp.starttls";
    public static final String SMTP_ALLOW_PLAINTEXT_AUTH = "smtp.allow.plaintext.auth";
    public static final String VERIFY_RECIPIENTS = "notifier.verify.recipients";
    public static final String SMTP_CONNECTIONS = "smtp.connections";
    public static final String SMTP_TIMEOUT_MS = "smtp.timeout.ms";
    public static final String SMTP_HELO = "smtp.helo.name";
    public static final String DKIM_PREFIX = "dkim.";

    public static ConfigDef notifierDefinition() {
        return CommonConfig.definition()
                .define(GROUP_ID, Type.STRING, "resetflow-notifier", Importance.MEDIUM,
                        "Consumer group reading the tenants' notify.requests.<tenant> topics.")
                .define(TRANSACTIONAL_ID, Type.STRING, "resetflow-notifier-0", Importance.HIGH,
                        "Transactional id of this instance; keep it stable across restarts (e.g. the pod ordinal) "
                                + "so a restart fences the previous incarnation at once.")
                .define(LEDGER_TOPIC, Type.STRING, "", Importance.MEDIUM,
                        "Compacted topic of final outcomes keyed by notification id (same partition count as "
                                + "every notify.requests.<tenant>; partition n holds the outcomes of partition n of "
                                + "every tenant's topic); the shared topic prefix is applied. Empty: "
                                + "notify.sent-ledger, the name topics create and the access policy use.")
                .define(LEDGER_DIR, Type.STRING, "", Importance.MEDIUM,
                        "Directory of the local sent-ledger index; empty for <state.dir>/notifier-ledger.")
                .define(TEMPLATES_DIR, Type.STRING, "", Importance.MEDIUM,
                        "Operator template directory overriding the bundled templates; empty for none.")
                .define(MAX_PENDING, Type.INT, 10_000, Range.atLeast(1), Importance.MEDIUM,
                        "Requests held in memory per tenant (waiting, paced or retrying) before that tenant's "
                                + "partitions are paused: each tenant has a window of its own, so a held tenant's backlog "
                                + "never stops another's mail. All tenants together hold at most tenants x this.")
                .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, Range.atLeast(0), Importance.MEDIUM,
                        "Longest time between two outcome transactions. A crash re-sends at most the mails "
                                + "finished in one interval (plus those on the wire); a longer one costs the broker less "
                                + "per mail.")
                .define(GLOBAL_RATE, Type.DOUBLE, 1_000.0, Importance.MEDIUM,
                        "Mails per second across all tenants.")
                .define(QUIET_RECHECK_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
                        "How often a mail held by quiet hours or a paused tenant looks again.")
                .define(PAUSED_TENANTS, Type.LIST, List.of(), Importance.LOW,
                        "Tenants paused at start-up (resume them at POST /tenants/<id>/resume).")
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 8, Range.atLeast(1), Importance.MEDIUM,
                        "Attempts per mail before it is FAILED.")
                .define(RETRY_INITIAL_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Backoff after the first transient failure.")
                .define(RETRY_MAX_MS, Type.LONG, 3_600_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Longest backoff between attempts.")
                .define(RETRY_DEADLINE_MS, Type.LONG, 86_400_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Time after the first attempt when a mail still not accepted is FAILED.")
                .define(RELAY_HOLD_INITIAL_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.MEDIUM,
                        "How long a tenant whose relay rejects the sender, policy or login, rejects many "
                                + "recipients alike, or cannot be reached is held before one mail probes it again.")
                .define(RELAY_HOLD_MAX_MS, Type.LONG, 900_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Longest relay hold: each failed probe doubles the hold up to this.")
                .define(RELAY_BURST_COUNT, Type.INT, 20, Range.atLeast(1), Importance.MEDIUM,
                        "The same recipient-level failure for this many recipients of one tenant within "
                                + RELAY_BURST_WINDOW_MS + " is blamed on the relay: the tenant is held, nobody bounced.")
                .define(RELAY_BURST_WINDOW_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.MEDIUM,
                        "The window of " + RELAY_BURST_COUNT + ".")
                .define(SMTP_HOST, Type.STRING, "localhost", Importance.HIGH, "SMTP relay host.")
                .define(SMTP_PORT, Type.INT, 25, Range.between(1, 65535), Importance.HIGH, "SMTP relay port.")
                .define(SMTP_USERNAME, Type.STRING, "", Importance.MEDIUM, "SMTP AUTH user; empty for none.")
                .define(SMTP_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "SMTP AUTH password.")
                .define(SMTP_STARTTLS, Type.BOOLEAN, false, Importance.MEDIUM, "Require STARTTLS.")
                .define(VERIFY_RECIPIENTS, Type.BOOLEAN, true, Importance.HIGH,
                        "Refuse a request whose mailbox address is not its mailboxId's or whose contact address "
                                + "lacks the tracker's seal (needs mailbox.id.secret); off only for synthetic loads.")
                .define(SMTP_ALLOW_PLAINTEXT_AUTH, Type.BOOLEAN, false, Importance.LOW,
                        "Allow SMTP AUTH without STARTTLS (the password then crosses the network in clear); "
                                + "only for a relay on the same host.")
                .define(SMTP_CONNECTIONS, Type.INT, 4, Range.atLeast(1), Importance.MEDIUM,
                        "Connections kept open to the relay per tenant (and sending threads per tenant).")
                .define(SMTP_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Connect, read and write timeout of SMTP.")
                .define(SMTP_HELO, Type.STRING, "localhost", Importance.LOW, "Name sent in EHLO.");
    }

    public NotifierConfig(Map<String, ?> values) {
        super(notifierDefinition(), values);
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public String transactionalId() {
        return getString(TRANSACTIONAL_ID);
    }

    public String ledgerTopic() {
        String topic = getString(LEDGER_TOPIC);
        return topic.isBlank() ? topicNames().notifySentLedger() : getString(TOPIC_PREFIX) + topic;
    }

    public Path ledgerDir() {
        String dir = getString(LEDGER_DIR);
        return dir.isBlank() ? Path.of(stateDir(), "notifier-ledger") : Path.of(dir);
    }

    public Optional<Path> templatesDir() {
        String dir = getString(TEMPLATES_DIR);
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    public int maxPending() {
        return getInt(MAX_PENDING);
    }

    public Duration commitInterval() {
        return Duration.ofMillis(getLong(COMMIT_INTERVAL_MS));
    }

    public double globalRatePerSecond() {
        return getDouble(GLOBAL_RATE);
    }

    public Duration quietRecheck() {
        return Duration.ofMillis(getLong(QUIET_RECHECK_MS));
    }

    public List<String> pausedTenants() {
        return getList(PAUSED_TENANTS);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(getInt(RETRY_MAX_ATTEMPTS), Duration.ofMillis(getLong(RETRY_INITIAL_MS)),
                Duration.ofMillis(getLong(RETRY_MAX_MS)), Duration.ofMillis(getLong(RETRY_DEADLINE_MS)));
    }

    public Duration relayHoldInitial() {
        return Duration.ofMillis(getLong(RELAY_HOLD_INITIAL_MS));
    }

    public Duration relayHoldMax() {
        return Duration.ofMillis(Math.max(getLong(RELAY_HOLD_MAX_MS), getLong(RELAY_HOLD_INITIAL_MS)));
    }

    public int relayBurstCount() {
        return getInt(RELAY_BURST_COUNT);
    }

    public Duration relayBurstWindow() {
        return Duration.ofMillis(getLong(RELAY_BURST_WINDOW_MS));
    }

    public boolean verifyRecipients() {
        return getBoolean(VERIFY_RECIPIENTS);
    }

    public SmtpSettings smtp() {
        String user = getString(SMTP_USERNAME);
        String password = getPassword(SMTP_PASSWORD).value();
        return requireTlsForAuth(SMTP_PREFIX, new SmtpSettings(getString(SMTP_HOST), getInt(SMTP_PORT),
                user.isBlank() ? Optional.empty() : Optional.of(user),
                password.isEmpty() ? Optional.empty() : Optional.of(password), getBoolean(SMTP_STARTTLS),
                getInt(SMTP_CONNECTIONS), Duration.ofMillis(getLong(SMTP_TIMEOUT_MS)), Duration.ofSeconds(20),
                getString(SMTP_HELO)));
    }

    /** SMTP AUTH only over STARTTLS, unless explicitly allowed: the relay password must not cross the network in clear. */
    SmtpSettings requireTlsForAuth(String prefix, SmtpSettings relay) {
        if (relay.username().isPresent() && !relay.startTls() && !getBoolean(SMTP_ALLOW_PLAINTEXT_AUTH)) {
            throw new ConfigException(prefix + "username is set but " + prefix + "starttls is not: SMTP AUTH would "
                    + "send the password in clear; set " + prefix + "starttls=true (or " + SMTP_ALLOW_PLAINTEXT_AUTH
                    + "=true for a relay on this host)");
        }
        return relay;
    }

    /** Each tenant's relay, by tenant id: its own {@code smtp.<tenant>.*} settings over the global ones. */
    public Map<String, SmtpSettings> relays() {
        Map<String, SmtpSettings> relays = TenantRelays.of(tenants().ids(), smtp(), originals());
        relays.forEach((tenant, relay) -> requireTlsForAuth(SMTP_PREFIX + tenant + ".", relay));
        return relays;
    }

    /** The DKIM keys configured, by tenant id. */
    public Map<String, DkimKey> dkimKeys() {
        Map<String, String> settings = new HashMap<>();
        originals().forEach((key, value) -> {
            if (key.startsWith(DKIM_PREFIX)) {
                settings.put(key.substring(DKIM_PREFIX.length()), String.valueOf(value));
            }
        });
        Map<String, DkimKey> keys = new HashMap<>();
        for (String tenant : tenants().ids()) {
            String domain = settings.get(tenant + ".domain");
            String selector = settings.get(tenant + ".selector");
            String file = settings.get(tenant + ".key.file");
            if (domain == null && selector == null && file == null) {
                continue;
            }
            if (domain == null || selector == null || file == null) {
                throw new ConfigException("DKIM for tenant " + tenant + " needs dkim." + tenant + ".domain, .selector "
                        + "and .key.file");
            }
            keys.put(tenant, DkimKey.fromPemFile(domain, selector, Path.of(file)));
        }
        return keys;
    }
}
