package io.resetflow.tracker;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resetflow.avro.RedriveRequest;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.http.ApiSecurity;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.ops.RunningService;
import io.resetflow.core.runtime.ServiceTopics;
import io.resetflow.core.streams.StreamsRunner;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.config.TrackerStreamsProperties;
import io.resetflow.tracker.dashboard.Dashboard;
import io.resetflow.tracker.http.TrackerApi;
import io.resetflow.tracker.metrics.MicrometerTrackerMetrics;
import io.resetflow.tracker.query.ProgressGauges;
import io.resetflow.tracker.query.StoreHandles;
import io.resetflow.tracker.query.TrackerQueryService;
import io.resetflow.tracker.reconcile.ReconcileSettings;
import io.resetflow.tracker.reconcile.Reconciler;
import io.resetflow.tracker.reconcile.Reconciliations;
import io.resetflow.tracker.redrive.RedrivePublisher;
import io.resetflow.tracker.report.Incident;
import io.resetflow.tracker.topology.TrackerTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reset tracker service: its Streams application and its HTTP server (query API, operations
 * dashboard, /metrics, /health). The HTTP port is bound first, because it is the instance's {@code application.server}
 * that other instances forward queries to.
 */
public final class TrackerService implements RunningService {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerService.class);

    private final TrackerConfig config;
    private final OpsServer http;
    private final StreamsRunner runner;
    private final RedrivePublisher redrives;
    private final Reconciliations reconciliations;

    public TrackerService(TrackerConfig config) {
        config.requireDeploymentSecret();
        this.config = config;
        PrometheusMeterRegistry registry = OpsServer.newRegistry();
        StreamsRunner[] started = new StreamsRunner[1];
        ApiSecurity security = ApiSecurity.from(config, "the tracker");
        this.http = new OpsServer(security.bindAddress(), config.httpPort(), registry,
                () -> started[0] != null && started[0].isRunning(), security);
        HostInfo self = new HostInfo(config.httpHost(), http.port());
        Properties props = TrackerStreamsProperties.of(config, self);
        AvroSerdes serdes = AvroSerdes.forRegistry(config.schemaRegistryUrl());
        this.runner = new StreamsRunner(TrackerTopology.build(config, serdes, new MicrometerTrackerMetrics(registry)),
                props, registry, config.shutdownTimeout());
        started[0] = runner;
        CampaignClock clock = config.campaignClock();
        TrackerQueryService queries = new TrackerQueryService(
                new StoreHandles(runner.streams(), self, config.topicNames().remediationIntake()), config.tenants(),
                new MailboxIds(config.mailboxIdSecret()), config.estimateWindow(),
                () -> clock.toCampaign(System.currentTimeMillis()));
        this.redrives = new RedrivePublisher(config.kafkaClientProperties(),
                serdes.value(RedriveRequest.class).serializer(), config.topicNames().remediationRedrives(),
                config.tenants());
        this.reconciliations = new Reconciliations(() -> new Reconciler(reconcileSettings(config)).run(),
                config.reconcileInterval(), registry);
        TrackerApi.mount(http, queries, redrives, security, reconciliations,
                new Incident(config.breachCutoff(), clock.start(), config.tenants()));
        Dashboard.mount(http);
        http.liveWhile(runner::isAlive);
        ProgressGauges.bind(registry, queries);
    }

    /** Reconciliation as the tracker runs it: its cluster and names, the operations user's client settings. */
    private static ReconcileSettings reconcileSettings(TrackerConfig config) {
        return new ReconcileSettings(config.topicNames(), config.tenants(), config.mailboxIdSecret(),
                config.reconcileClientProperties(), config.schemaRegistryUrl(),
                ServiceIds.DEFAULT.withTrackerApplication(config.applicationId()),
                Path.of(config.stateDir(), "reconcile"), Duration.ofSeconds(10), Duration.ofHours(24), 1_000,
                config.reconcileBreachRows());
    }

    public TrackerService start() {
        LOG.info("Reset tracker settings: {}", config.describe());
        ServiceTopics.require(config, ServiceIds.DEFAULT.withTrackerApplication(config.applicationId()), Principals.TRACKER);
        http.start();
        runner.start();
        LOG.info("Reset tracker API on http://{}:{}/api/tenants", config.httpHost(), http.port());
        return this;
    }

    public int httpPort() {
        return http.port();
    }

    public KafkaStreams streams() {
        return runner.streams();
    }

    @Override
    public boolean awaitStop() throws InterruptedException {
        return runner.awaitStop();
    }

    public boolean isRunning() {
        return runner.isRunning();
    }

    @Override
    public void close() {
        reconciliations.close();
        runner.close();
        http.close();
        redrives.close();
    }
}
