package io.resetflow.notifier;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.http.ApiSecurity;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.ops.RunningService;
import io.resetflow.core.runtime.ServiceTopics;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.time.CampaignTime;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.notifier.consume.DeliveryAttempts;
import io.resetflow.notifier.consume.NotifierLoop;
import io.resetflow.notifier.consume.RecipientCheck;
import io.resetflow.notifier.ledger.LedgerRestorer;
import io.resetflow.notifier.ledger.SentLedgerIndex;
import io.resetflow.notifier.mail.DkimMessageSigner;
import io.resetflow.notifier.mail.MailStreamProvider;
import io.resetflow.notifier.mail.MessageSigner;
import io.resetflow.notifier.mail.NoticeMessageFactory;
import io.resetflow.notifier.ops.NotifierMetrics;
import io.resetflow.notifier.ops.TenantControlHandler;
import io.resetflow.notifier.pacing.RateLimits;
import io.resetflow.notifier.pacing.RecipientFailureBursts;
import io.resetflow.notifier.pacing.RelayHolds;
import io.resetflow.notifier.pacing.SendGate;
import io.resetflow.notifier.pacing.TenantSwitches;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.render.NoticeTemplates;
import io.resetflow.notifier.render.TemplateSource;
import io.resetflow.notifier.send.MailTransport;
import io.resetflow.notifier.send.TenantTransports;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.serde.AvroSerializer;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier: notify.requests.&lt;tenant&gt; -> templates -> SMTP -> notify.outcomes, with /health,
 * /metrics and POST /tenants/{id}/pause|resume on its HTTP port. {@link #start()} validates the
 * templates and DKIM keys (refusing to start on a bad one), creates the request, ledger and dead-letter
 * topics when missing, and starts reading.
 */
public final class NotifierService implements RunningService {

    public static final String APPLICATION = "resetflow-notifier";
    private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);

    private final NotifierConfig config;
    private final Function<String, MailTransport> transports;
    private final AutoCloseable ownedTransports;
    private final int sendingThreads;
    private final AvroSerdes serdes;
    private final CampaignTime time;
    private final TimeMeter meter;
    private final PrometheusMeterRegistry registry;
    private final Tenants tenants;
    private final TenantSwitches switches;

    private ScheduledThreadPoolExecutor executor;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private KafkaClientMetrics consumerMetrics;
    private KafkaClientMetrics producerMetrics;
    private SentLedgerIndex ledger;
    private NotifierLoop loop;
    private Thread loopThread;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closing;
    private volatile boolean failed;
    private OpsServer ops;
    private RateLimits rateLimits;

    /**
     * Production wiring: one SMTP pool per tenant, to the tenant's own relay where it names one (else the
     * global smtp.* relay), the schema registry from config.
     */
    public NotifierService(NotifierConfig config) {
        this(config, new TenantTransports(config.relays()), AvroSerdes.forRegistry(config.schemaRegistryUrl()));
    }

    private NotifierService(NotifierConfig config, TenantTransports transports, AvroSerdes serdes) {
        this(config, transports, transports.connections(), serdes, campaignTime(config), TimeMeter.SYSTEM_NANOTIME,
                OpsServer.newRegistry());
        config.relays().forEach((tenant, relay) -> LOG.info("Relay of {}: {}", tenant, relay));
    }

    /** One transport for every tenant (the local stack's GreenMail), smtp.connections sending threads. */
    public NotifierService(NotifierConfig config, MailTransport transport) {
        this(config, tenant -> transport, config.smtp().connections(), AvroSerdes.forRegistry(config.schemaRegistryUrl()),
                campaignTime(config), TimeMeter.SYSTEM_NANOTIME, OpsServer.newRegistry());
    }

    public NotifierService(NotifierConfig config, Function<String, MailTransport> transports, int sendingThreads,
                           AvroSerdes serdes, CampaignTime campaignTime, TimeMeter meter, PrometheusMeterRegistry registry) {
        MailStreamProvider.pinAngus();
        this.config = config;
        this.transports = transports;
        this.ownedTransports = transports instanceof AutoCloseable closeable ? closeable : () -> { };
        this.sendingThreads = sendingThreads;
        this.serdes = serdes;
        this.time = campaignTime;
        this.meter = meter;
        this.registry = registry;
        this.tenants = config.tenants();
        this.switches = new TenantSwitches(config.pausedTenants());
    }

    /** Campaign time on the system clock, anchored where the tracker anchors it ({@code campaign.*}). */
    private static CampaignTime campaignTime(NotifierConfig config) {
        return new CampaignTime(config.campaignClock(Instant.now()), Clock.systemUTC());
    }

    public synchronized NotifierService start() {
        LOG.info("Notifier configuration: {}", config.describe());
        ApiSecurity security = ApiSecurity.from(config, "the notifier");
        NoticeRenderer renderer = new NoticeRenderer(NoticeTemplates.load(tenants, new TemplateSource(config.templatesDir())));
        MessageSigner signer = new DkimMessageSigner(config.dkimKeys());
        // Partition n of every tenant's request topic shares ledger partition n: the plan gives all the same count.
        ServiceTopics.require(config, ServiceIds.DEFAULT, Principals.NOTIFIER);
        rateLimits = new RateLimits(tenants.all(), config.globalRatePerSecond(), meter, time.mapping());
        NotifierMetrics metrics = new NotifierMetrics(registry, tenants.all(), rateLimits, switches);
        // Holds and bursts measure elapsed time, as the rate limits do: on their meter, not the campaign's clock.
        InstantSource elapsed = () -> Instant.EPOCH.plusNanos(meter.currentTimeNanos());
        RelayHolds relays = new RelayHolds(config.relayHoldInitial(), config.relayHoldMax(), elapsed);
        relays.onHold((tenant, reason) -> {
            LOG.warn("Relay of {} held ({}): its mail waits, nobody is bounced for it", tenant, reason);
            metrics.relayHeld(tenant, reason);
        });
        metrics.relayHeldGauges(tenants.all(), relays);
        RecipientFailureBursts bursts = new RecipientFailureBursts(config.relayBurstCount(), config.relayBurstWindow(),
                elapsed);
        SendGate gate = new SendGate(switches, time, rateLimits, relays, config.quietRecheck());
        metrics.quietHoursGauges(tenants.all(), gate);
        // One thread per connection keeps every connection busy. Two more per core render and sign the
        // next mails while they all are (a DKIM signature costs about a millisecond of CPU): one on
        // each core preparing, one holding a prepared mail until a connection is free.
        executor = new ScheduledThreadPoolExecutor(sendingThreads + 2 * Runtime.getRuntime().availableProcessors(),
                threads("notifier-send"));
        executor.setRemoveOnCancelPolicy(true);
        consumer = new KafkaConsumer<>(consumerProperties(config.groupId()), new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        ledger = new SentLedgerIndex(config.ledgerDir());
        LedgerRestorer restorer = new LedgerRestorer(config.ledgerTopic(), ledger,
                () -> new KafkaConsumer<>(consumerProperties(null), new StringDeserializer(), new ByteArrayDeserializer()));
        DeliveryAttempts.Collaborators collaborators = new DeliveryAttempts.Collaborators(tenants, renderer,
                new NoticeMessageFactory(Session.getInstance(new Properties()), time.asClock(), signer), transports,
                rateLimits, gate, relays, bursts, config.retryPolicy(), time, metrics);
        NotifierLoop.Topics topics = new NotifierLoop.Topics(requestTopics(),
                config.topicNames().notifyOutcomes(), config.ledgerTopic(), config.topicNames().deadLetter(APPLICATION),
                APPLICATION, serdes.value(NotificationRequest.class).deserializer(),
                outputSerializer(DeliveryOutcome.class, DeliveryOutcome.getClassSchema(),
                        config.topicNames().notifyOutcomes(), config.ledgerTopic()),
                outputSerializer(DeadLetter.class, DeadLetter.getClassSchema(), config.topicNames().deadLetter(APPLICATION)));
        loop = new NotifierLoop(consumer, producer, topics, tenants, ledger, restorer, collaborators, executor, metrics,
                switches, time.asClock(), config.maxPending(), config.commitInterval(), recipientCheck());
        awaitProducerMetadata(topics.outcomes(), topics.ledger(), topics.deadLetter());
        loopThread = new Thread(this::runLoop, "notifier-loop");
        loopThread.start();
        ops = new OpsServer(security.bindAddress(), config.httpPort(), registry, loop::isHealthy, security)
                .liveWhile(() -> !failed)
                .route("/tenants", new TenantControlHandler(tenants, switches, rateLimits, relays))
                .start();
        LOG.info("Notifier started: {} sending threads, HTTP on port {}", sendingThreads, ops.port());
        return this;
    }

    /**
     * The loop, and what follows when it dies on its own (a commit that times out, a fenced producer):
     * the sending threads stop first, so no queued mail goes out without its outcome being recorded
     * (a restart would send it again), then the service counts as failed for its supervisor.
     */
    private void runLoop() {
        try {
            loop.run();
        } finally {
            if (!closing) {
                failed = true;
                executor.shutdownNow();
                LOG.error("Notifier loop stopped on its own: sending stopped; exiting for a restart");
            }
            stopped.countDown();
        }
    }

    @Override
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failed;
    }

    /** Whether the sending threads are stopped (after close, or after the loop died). */
    public boolean sendingStopped() {
        return executor != null && executor.isShutdown();
    }

    public TenantSwitches tenantSwitches() {
        return switches;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    public int httpPort() {
        return ops.port();
    }

    public boolean isHealthy() {
        return loop != null && loop.isHealthy();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        closing = true;
        try {
            if (loop != null) {
                loop.stop(config.smtp().timeout().plusSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (executor != null) {
            executor.shutdownNow();
            awaitQuietly(executor);
        }
        closeQuietly(ops);
        closeQuietly(consumerMetrics);
        closeQuietly(producerMetrics);
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (KafkaException e) {
                // Leaving the group commits in the revocation callback: a fenced producer cannot, and
                // what it would have committed is read again by whoever takes the partitions.
                LOG.warn("Closing the consumer: {}", e.toString());
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        closeQuietly(ledger);
        closeQuietly(ownedTransports);
        LOG.info("Notifier stopped");
    }

    /**
     * A serializer whose schemas are registered before the first request is read: an outcome must be
     * writable the moment its mail is sent, not after a first registry round trip (which could take
     * a second, during which a crash would re-send every mail of that second).
     */
    private <T extends SpecificRecord> Serializer<T> outputSerializer(Class<T> type, Schema schema, String... topics) {
        AvroSerializer<T> serializer = serdes.value(type).serializer();
        for (String topic : topics) {
            serializer.prepare(topic, schema);
        }
        return serializer;
    }

    /**
     * Fetches the partitions of every topic the loop writes before it reads the first request: the
     * producer otherwise learns of a just-created topic on its first write, retrying with a backoff that
     * grows to a second, and a mail sent in that time has no outcome anyone could commit.
     */
    private void awaitProducerMetadata(String... outputTopics) {
        for (String topic : outputTopics) {
            producer.partitionsFor(topic);
        }
    }

    /** The check that a request mails only its own mailbox or sealed contact; it needs the deployment's secret. */
    private Optional<RecipientCheck> recipientCheck() {
        if (!config.verifyRecipients()) {
            LOG.warn("{}=false: requests are mailed without checking their recipients", NotifierConfig.VERIFY_RECIPIENTS);
            return Optional.empty();
        }
        config.requireDeploymentSecret();
        return Optional.of(new RecipientCheck(new MailboxIds(config.mailboxIdSecret()), tenants));
    }

    /** Each tenant's request topic, by tenant id. */
    private Map<String, String> requestTopics() {
        Map<String, String> topics = new HashMap<>();
        tenants.ids().forEach(tenant -> topics.put(tenant, config.topicNames().notifyRequests(tenant)));
        return topics;
    }

    private Map<String, Object> consumerProperties(String groupId) {
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        if (groupId != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Restoring a large ledger happens inside the rebalance callback.
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 900_000);
        return properties;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return properties;
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void awaitQuietly(ScheduledThreadPoolExecutor executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
