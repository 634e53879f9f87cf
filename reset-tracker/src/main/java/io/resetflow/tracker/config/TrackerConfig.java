package io.resetflow.tracker.config;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.tracker.domain.InitialNoticePlan;
import io.resetflow.tracker.timers.TickBound;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;

/** The reset tracker's settings, on top of the shared ones. */
public final class TrackerConfig extends CommonConfig {

    public static final String APPLICATION_ID = "tracker.application.id";
    public static final String BREACH_CUTOFF = "tracker.breach.cutoff";
    public static final String INITIAL_NOTICE = "tracker.initial.notice";
    public static final String WAVE_INTERVAL = "tracker.wave.interval";
    public static final String TIMER_INTERVAL_MS = "tracker.timers.interval.ms";
    public static final String TIMERS_PER_TICK = "tracker.timers.max.per.tick";
    public static final String TIMER_BUDGET_MS = "tracker.timers.tick.budget.ms";
    public static final String UNKNOWN_RESET_GRACE = "tracker.unknown.reset.grace";
    public static final String PROGRESS_INTERVAL_MS = "tracker.progress.interval.ms";
    public static final String ESTIMATE_WINDOW = "tracker.estimate.window";
    public static final String RECONCILE_INTERVAL = "tracker.reconcile.interval";
    public static final String RECONCILE_BREACH_ROWS = "tracker.reconcile.breach.rows";
    /** Kafka client settings the tracker's own reconciliation reads with (the operations user's). */
    public static final String RECONCILE_KAFKA_PREFIX = "reconcile.kafka.";
    public static final String HTTP_HOST = "tracker.http.host";
    public static final String NUM_STREAM_THREADS = "tracker.stream.threads";

    public static ConfigDef trackerDefinition() {
        return CommonConfig.definition()
                .define(APPLICATION_ID, Type.STRING, "reset-tracker", Importance.HIGH,
                        "Kafka Streams application id (consumer group, changelog prefix).")
                .define(BREACH_CUTOFF, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Required. ISO-8601 instant of the breach: a password change at or before it does not "
                                + "remediate a mailbox (the attacker may know the new one). No default: 1970 would "
                                + "count every reset.")
                .define(INITIAL_NOTICE, Type.STRING, "IMMEDIATE",
                        ConfigDef.ValidString.in("IMMEDIATE", "WAVES", "immediate", "waves"), Importance.MEDIUM,
                        "IMMEDIATE: notify on acceptance; WAVES: URGENT first, HIGH and NORMAL one wave interval apart.")
                .define(WAVE_INTERVAL, Type.STRING, "P1D", Importance.LOW,
                        "ISO-8601 duration between priority waves of initial notices.")
                .define(TIMER_INTERVAL_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(10), Importance.LOW,
                        "Wall-clock interval of the timer punctuator.")
                .define(TIMERS_PER_TICK, Type.INT, 100_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Most due timers one punctuation handles per task; the rest wait for the next tick.")
                .define(TIMER_BUDGET_MS, Type.LONG, 400L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Stream-thread time one punctuation of one task may spend on due timers before it leaves "
                                + "the rest for the next tick, so polling and commits go on (each thread runs the "
                                + "punctuations of all its tasks in turn).")
                .define(UNKNOWN_RESET_GRACE, Type.STRING, "PT6H", Importance.MEDIUM,
                        "How long (campaign time) a reset event for a not-yet-accepted mailbox waits for its intake "
                                + "record before it is rejected as UNKNOWN_MAILBOX.")
                .define(PROGRESS_INTERVAL_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(10), Importance.LOW,
                        "Wall-clock interval at which each task publishes its per-tenant counts.")
                .define(RECONCILE_INTERVAL, Type.STRING, "PT0S", Importance.LOW,
                        "ISO-8601 interval of the tracker's own reconciliation (PT0S: only when operations ask for "
                                + "one). It reads every evidence topic, with the reconcile.kafka.* client settings "
                                + "(an operations user's) over the kafka.* ones.")
                .define(RECONCILE_BREACH_ROWS, Type.BOOLEAN, true, Importance.LOW,
                        "Whether the mailboxes came from imported breach rows, whose checks reconciliation then "
                                + "includes (false where remediation.intake is written directly, as in benchmarks).")
                .define(ESTIMATE_WINDOW, Type.STRING, "PT6H", Importance.LOW,
                        "Campaign-time window of progress history the completion estimate takes its rate from.")
                .define(HTTP_HOST, Type.STRING, "localhost", Importance.MEDIUM,
                        "Host name other instances reach this one's HTTP API on (application.server).")
                .define(NUM_STREAM_THREADS, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Kafka Streams threads.");
    }

    private final Instant startedAt;

    public TrackerConfig(Map<String, ?> values) {
        this(values, Instant.now());
    }

    /** {@code startedAt} anchors the campaign clock when no campaign start is configured. */
    public TrackerConfig(Map<String, ?> values, Instant startedAt) {
        super(trackerDefinition(), values);
        this.startedAt = startedAt;
        breachCutoff();
        campaignClock();
        initialNoticePlan();
        unknownResetGrace();
        estimateWindow();
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public Instant breachCutoff() {
        return instant(BREACH_CUTOFF, getString(BREACH_CUTOFF));
    }

    public CampaignClock campaignClock() {
        return campaignClock(startedAt);
    }

    public InitialNoticePlan initialNoticePlan() {
        InitialNoticePlan.Mode mode = InitialNoticePlan.Mode.valueOf(getString(INITIAL_NOTICE).toUpperCase(Locale.ROOT));
        return new InitialNoticePlan(mode, campaignClock().start(), duration(WAVE_INTERVAL));
    }

    public Duration timerInterval() {
        return Duration.ofMillis(getLong(TIMER_INTERVAL_MS));
    }

    public TickBound timerTickBound() {
        return new TickBound(getInt(TIMERS_PER_TICK), Duration.ofMillis(getLong(TIMER_BUDGET_MS)), Time.SYSTEM);
    }

    public Duration unknownResetGrace() {
        return duration(UNKNOWN_RESET_GRACE);
    }

    public Duration progressInterval() {
        return Duration.ofMillis(getLong(PROGRESS_INTERVAL_MS));
    }

    public boolean reconcileBreachRows() {
        return getBoolean(RECONCILE_BREACH_ROWS);
    }

    public Duration reconcileInterval() {
        return duration(RECONCILE_INTERVAL);
    }

    /** The client settings reconciliation reads with: the tracker's, with reconcile.kafka.* over them. */
    public Map<String, Object> reconcileClientProperties() {
        Map<String, Object> client = new java.util.HashMap<>(kafkaClientProperties());
        originals().forEach((key, value) -> {
            if (key.startsWith(RECONCILE_KAFKA_PREFIX)) {
                client.put(key.substring(RECONCILE_KAFKA_PREFIX.length()), value);
            }
        });
        return client;
    }

    public Duration estimateWindow() {
        return duration(ESTIMATE_WINDOW);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int streamThreads() {
        return getInt(NUM_STREAM_THREADS);
    }

    public int partitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    private Duration duration(String key) {
        try {
            return Duration.parse(getString(key));
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, getString(key), "not an ISO-8601 duration such as PT6H or P1D");
        }
    }

    private static Instant instant(String key, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, value, "not an ISO-8601 instant such as 2025-06-01T00:00:00Z");
        }
    }
}
