package io.resetflow.local;

import io.github.bucket4j.TimeMeter;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.time.CampaignTime;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeService;
import io.resetflow.local.mail.LocalDkimKeys;
import io.resetflow.local.mail.LocalMailServer;
import io.resetflow.local.mail.OutboxPage;
import io.resetflow.local.simulate.CustomerBehaviour;
import io.resetflow.local.simulate.CustomerSimulator;
import io.resetflow.notifier.NotifierService;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.notifier.send.SmtpMailTransport;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ResetFlow in one process: a real Kafka broker (KRaft), the schema registry, the topics, an SMTP
 * server with an outbox, the intake, notifier and reset tracker with its dashboard, a sample breach
 * and simulated customers, on loopback. Its data lives under one directory, so a second start
 * resumes the same campaign.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String TRACKER_APP = ServiceIds.DEFAULT.trackerApplication();

    private final LocalStackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private EmbeddedKafkaBroker broker;
    private EmbeddedSchemaRegistry registry;
    private LocalMailServer mail;
    private LocalDkimKeys dkim;
    private LocalAccess access;
    private LocalApiTokens apiTokens;
    private Path apiTokensFile;
    private String mailboxIdSecret;
    private TrackerService tracker;
    private CustomerSimulator simulator;
    private CampaignClock clock;

    public LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public LocalStack start() {
        long begin = System.nanoTime();
        try {
            startInfrastructure();
            provision();
            clock = new CampaignClock(CampaignAnchor.startIn(dataDir(), Instant.now()), settings.clockSpeed());
            startServices();
            SampleBreach.importOnce(dataDir(), settings.mailboxes(), settings.seed(), broker.bootstrapServers(),
                    access.propertiesFile(Principals.IMPORT), registry.url());
            simulator = own(new CustomerSimulator(config().topicNames(), clock, CustomerBehaviour.typical(settings.seed()),
                    clients(), registry.url()).start());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Local stack up in {} ms", (System.nanoTime() - begin) / 1_000_000);
        return this;
    }

    private void startInfrastructure() {
        access = new LocalAccess(dataDir());
        broker = own(EmbeddedKafkaBroker.builder()
                .dataDir(dataDir().resolve("kafka"))
                .port(settings.ports().kafka())
                .saslScram(access.admin(dataDir().resolve("kafka")))
                .build()
                .start());
        addresses.put("Kafka bootstrap", broker.bootstrapServers() + " (SASL/SCRAM; users and ACLs per ISP and service)");
        registry = own(EmbeddedSchemaRegistry.builder(broker.bootstrapServers())
                .clientProperties(broker.adminClientProperties())
                .port(settings.ports().registry())
                .build()
                .start());
        addresses.put("Schema registry", registry.url());
        dkim = LocalDkimKeys.loadOrCreate(dataDir().resolve("dkim"), config().tenants());
        mail = own(new LocalMailServer(settings.ports().smtp(), settings.ports().imap(), dkim.records()).start());
        OpsServer outbox = own(new OpsServer("127.0.0.1", settings.ports().outbox(), OpsServer.newRegistry(), () -> true)
                .route("/", new OutboxPage(mail, dkim.dnsRecords())).start());
        addresses.put("SMTP / IMAP", "127.0.0.1:" + mail.smtpPort() + " / 127.0.0.1:" + mail.imapPort()
                + " (login " + LocalMailServer.OUTBOX_LOGIN + "/" + LocalMailServer.OUTBOX_PASSWORD + ")");
        addresses.put("Outbox", "http://127.0.0.1:" + outbox.port() + "/");
    }

    private void provision() {
        try (Admin admin = broker.createAdmin()) {
            access.provision(admin, config());
        }
        String tenant = config().tenants().ids().get(0);
        addresses.put("ISP " + tenant + " view", IspConsoleCommand.forTenant(tenant, broker.bootstrapServers(), access.propertiesFile(Principals.isp(tenant)), registry.url()));
        addresses.put("Credentials", access.dir() + " (one client file per ISP and service, owner-only)");
        apiTokens = new LocalApiTokens(access.dir());
        apiTokensFile = apiTokens.loadOrCreate(config().tenants().ids());
        addresses.put("ACL audit", "bin/resetflow tenants audit --bootstrap-server " + broker.bootstrapServers()
                + " --command-config " + access.propertiesFile(LocalAccess.ADMIN));

    }

    /** Each simulated ISP connects as its own principal; the customers as theirs. */
    private CustomerSimulator.Clients clients() {
        Map<String, Map<String, Object>> isps = new LinkedHashMap<>();
        for (String tenant : config().tenants().ids()) {
            isps.put(tenant, withBootstrap(access.clientProperties(Principals.isp(tenant))));
        }
        return new CustomerSimulator.Clients(withBootstrap(access.clientProperties(LocalAccess.CUSTOMERS)),
                LocalAccess.CUSTOMERS_GROUP, isps);
    }

    private Map<String, Object> withBootstrap(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put("bootstrap.servers", broker.bootstrapServers());
        return props;
    }

    private void startServices() {
        IntakeService intake = own(new IntakeService(new IntakeConfig(configValues(Principals.INTAKE))).start());
        addresses.put("Intake metrics", "http://127.0.0.1:" + intake.httpPort() + "/metrics");

        Map<String, Object> trackerValues = configValues(Principals.TRACKER);
        trackerValues.put(TrackerConfig.APPLICATION_ID, TRACKER_APP);
        trackerValues.put(CommonConfig.HTTP_PORT, settings.ports().http());
        trackerValues.put(CommonConfig.CLOCK_SPEED, settings.clockSpeed());
        trackerValues.put(CommonConfig.CAMPAIGN_START, clock.start().toString());
        trackerValues.put(TrackerConfig.BREACH_CUTOFF, clock.start().minus(Duration.ofDays(1)).toString());
        trackerValues.put(TrackerConfig.HTTP_HOST, "127.0.0.1");
        trackerValues.put(TrackerConfig.TIMER_INTERVAL_MS, timerIntervalMs(settings.clockSpeed()));
        // The dashboard's reconciliation reads every evidence topic, as the operations user.
        access.serviceSettings(Principals.OPERATIONS).forEach((key, value) -> trackerValues.put("reconcile." + key, value));
        tracker = own(new TrackerService(new TrackerConfig(trackerValues)).start());
        Map<String, Object> operations = configValues();
        operations.put(CommonConfig.CAMPAIGN_START, trackerValues.get(CommonConfig.CAMPAIGN_START));
        operations.put(TrackerConfig.BREACH_CUTOFF, trackerValues.get(TrackerConfig.BREACH_CUTOFF));
        Path operationsSettings = access.writeOperationsSettings(operations);
        addresses.put("Reconcile", "bin/resetflow reconcile --config " + operationsSettings);
        addresses.put("Report", "bin/resetflow report --config " + operationsSettings + " --format html --out "
                + dataDir().resolve("regulator-report.html"));
        addresses.put("Dashboard", dashboardUrl() + " (sign in with the token in "
                + apiTokens.tokenFile(LocalApiTokens.OPERATIONS) + ")");

        Map<String, Object> notifierValues = configValues(Principals.NOTIFIER);
        notifierValues.put("smtp.host", "127.0.0.1");
        notifierValues.put("smtp.port", mail.smtpPort());
        notifierValues.putAll(dkim.notifierSettings());
        notifierValues.put(CommonConfig.CLOCK_SPEED, settings.clockSpeed());
        notifierValues.put(CommonConfig.CAMPAIGN_START, clock.start().toString());
        NotifierConfig notifierConfig = new NotifierConfig(notifierValues);
        SmtpMailTransport transport = own(new SmtpMailTransport(notifierConfig.smtp()));
        NotifierService notifier = own(new NotifierService(notifierConfig, tenant -> transport,
                notifierConfig.smtp().connections(), AvroSerdes.forRegistry(registry.url()),
                new CampaignTime(clock, Clock.systemUTC()), TimeMeter.SYSTEM_NANOTIME,
                OpsServer.newRegistry()).start());
        addresses.put("Notifier metrics", "http://127.0.0.1:" + notifier.httpPort() + "/metrics");
        addresses.put("Tracker metrics", dashboardUrl() + "metrics");
    }

    /** A timer tick every quarter of a campaign hour, so quiet hours and reminders are kept to the quarter hour. */
    static long timerIntervalMs(double clockSpeed) {
        return Math.max(10, Math.min(1_000, Math.round(Duration.ofMinutes(15).toMillis() / clockSpeed)));
    }

    private <T extends AutoCloseable> T own(T component) {
        started.push(component);
        return component;
    }

    /** The settings a service needs to join this stack. */
    public CommonConfig config() {
        return new CommonConfig(configValues());
    }

    /** The settings of a service joining this stack as the given principal, accepting the stack's API tokens. */
    public Map<String, Object> configValues(String user) {
        Map<String, Object> values = configValues();
        values.putAll(access.serviceSettings(user));
        values.put(CommonConfig.HTTP_TOKENS_FILE, apiTokensFile.toString());
        return values;
    }

    /** The operations API token (the dashboard's sign-in). */
    public String operationsToken() {
        return apiTokens.token(LocalApiTokens.OPERATIONS);
    }

    /** The API token of one ISP's staff: that tenant's data only. */
    public String tenantToken(String tenant) {
        return apiTokens.token("tenant-" + tenant);
    }

    /** Client settings of the broker's super user, for tools and tests that read every topic. */
    public Map<String, Object> adminClientProperties() {
        return broker.adminClientProperties();
    }

    /** The client settings file written for a provisioned user (an ISP's or a service's). */
    public Path credentialsFile(String user) {
        return access.propertiesFile(user);
    }

    /** The settings every service shares, without any principal's credentials. */
    public Map<String, Object> configValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, registry.url());
        values.put(CommonConfig.STATE_DIR, dataDir().resolve("streams").toString());
        values.put(CommonConfig.MAILBOX_ID_SECRET, mailboxIdSecret());
        values.put("notifier.ledger.dir", dataDir().resolve("notifier-ledger").toString());
        return values;
    }

    private String mailboxIdSecret() {
        if (mailboxIdSecret == null) {
            mailboxIdSecret = LocalSecret.loadOrCreate(dataDir());
        }
        return mailboxIdSecret;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    public LocalMailServer mail() {
        return mail;
    }

    /** The TXT record each tenant's domain would publish for the local stack's DKIM keys. */
    public Map<String, String> dkimRecords() {
        return dkim.dnsRecords();
    }

    public CampaignClock campaignClock() {
        return clock;
    }

    public CustomerSimulator simulator() {
        return simulator;
    }

    /** The Prometheus endpoints of the three services. */
    public List<String> metricsUrls() {
        return List.of(addresses.get("Intake metrics"), addresses.get("Notifier metrics"), addresses.get("Tracker metrics"));
    }

    public String dashboardUrl() {
        return "http://127.0.0.1:" + tracker.httpPort() + "/";
    }

    /** What a person needs to reach the stack, in start order. */
    public Map<String, String> orderedAddresses() {
        return new LinkedHashMap<>(addresses);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
