package io.resetflow.bench.notifier;

import io.github.bucket4j.TimeMeter;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.runtime.ServiceTopics;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.time.CampaignTime;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.notifier.NotifierService;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.notifier.send.SmtpMailTransport;
import io.resetflow.serde.AvroSerdes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One notifier row: its own topics (a topic prefix per row), consumer group, transactional id and
 * ledger, the service started with the given connections, a warm-up, then N requests produced with at
 * most {@code window} awaiting their outcome, timed from the first request produced to the last
 * outcome consumed.
 */
final class NotifierRun {

    /** What every notifier row shares. */
    record Setup(EmbeddedKafkaBroker broker, String registryUrl, Path tenantsFile, Path workDir, int partitions,
                 int smtpPort, Path dkimKeyFile, Clock clock, double globalRatePerSecond, int window, int warmUpMails) {
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Setup setup;

    NotifierRun(Setup setup) {
        this.setup = setup;
    }

    Throughput run(int mails, int connections, boolean dkim) throws InterruptedException {
        return run("c" + connections + (dkim ? "-dkim" : "-plain"), mails, connections, dkim);
    }

    /**
     * An untimed run before the rows. The rows share one JVM with the broker: until the broker's
     * transaction and fetch paths are compiled, the compiler threads take a third of the two cores and
     * the first rows would time the JIT, not the notifier (a notifier in production runs for days).
     */
    void warmUpJvm(int mails, int connections) throws InterruptedException {
        run("jvm-warm-up", mails, connections, false);
    }

    private Throughput run(String name, int mails, int connections, boolean dkim) throws InterruptedException {
        NotifierConfig config = new NotifierConfig(settings(name, connections, dkim));
        String outcomes = config.topicNames().notifyOutcomes();
        try (Admin admin = setup.broker().createAdmin()) {
            TopicCreator.createMissing(admin, ServiceTopics.of(config, ServiceIds.DEFAULT, Principals.NOTIFIER));
        }

        AvroSerdes serdes = AvroSerdes.forRegistry(setup.registryUrl());
        Semaphore window = new Semaphore(setup.window());
        OutcomeCollector collector = new OutcomeCollector(outcomeConsumer(),
                serdes.value(DeliveryOutcome.class).deserializer(), outcomes, setup.warmUpMails(), mails, window);
        Thread collecting = new Thread(collector, "bench-outcomes-" + name);
        BenchRequests bench = new BenchRequests(List.copyOf(config.tenants().all()));
        Serializer<NotificationRequest> serializer = serdes.value(NotificationRequest.class).serializer();
        try (SmtpMailTransport transport = new SmtpMailTransport(config.smtp());
             NotifierService notifier = new NotifierService(config, tenant -> transport, connections, serdes,
                     new CampaignTime(CampaignClock.realTime(), setup.clock()), TimeMeter.SYSTEM_NANOTIME,
                     OpsServer.newRegistry()).start();
             KafkaProducer<String, byte[]> producer = producer()) {
            collecting.start();
            for (int i = 0; i < setup.warmUpMails(); i++) {
                NotificationRequest request = bench.of(OutcomeCollector.WARM_UP, i, setup.clock().instant());
                String requests = config.topicNames().notifyRequests(request.getTenant());
                producer.send(new ProducerRecord<>(requests, request.getMailboxId(), serializer.serialize(requests, request)));
            }
            producer.flush();
            if (!collector.awaitWarmUp(TIMEOUT)) {
                throw new IllegalStateException("notifier " + name + " did not answer the warm-up requests in " + TIMEOUT);
            }
            long start = System.nanoTime();
            for (int i = 0; i < mails; i++) {
                window.acquire();
                NotificationRequest request = bench.of(OutcomeCollector.MEASURED, i, setup.clock().instant());
                String requests = config.topicNames().notifyRequests(request.getTenant());
                long timestamp = System.currentTimeMillis();
                collector.requested(i, timestamp);
                producer.send(new ProducerRecord<>(requests, null, timestamp, request.getMailboxId(),
                        serializer.serialize(requests, request)));
            }
            producer.flush();
            if (!collector.awaitMeasured(TIMEOUT)) {
                throw new IllegalStateException("notifier " + name + " did not answer " + mails + " requests in " + TIMEOUT);
            }
            return new Throughput(mails, (collector.lastOutcomeNanos() - start) / 1e9, collector.failed(),
                    collector.latenciesMillis());
        } finally {
            collector.stop();
            collecting.join(5_000);
        }
    }

    private Map<String, Object> settings(String name, int connections, boolean dkim) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, setup.broker().bootstrapServers());
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, setup.registryUrl());
        values.put(CommonConfig.TENANTS_FILE, setup.tenantsFile().toString());
        values.put(CommonConfig.TOPIC_PARTITIONS, setup.partitions());
        values.put(CommonConfig.TOPIC_PREFIX, name + ".");
        values.put(CommonConfig.STATE_DIR, setup.workDir().resolve(name).toString());
        values.put(CommonConfig.HTTP_PORT, 0);
        // The bench's requests name synthetic mailboxIds: their recipients cannot be checked.
        values.put(NotifierConfig.VERIFY_RECIPIENTS, false);
        values.put(CommonConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("bench"), ApiTokens.newToken()));
        values.put(NotifierConfig.GROUP_ID, "bench-notifier-" + name);
        values.put(NotifierConfig.TRANSACTIONAL_ID, "bench-notifier-" + name);
        values.put(NotifierConfig.GLOBAL_RATE, setup.globalRatePerSecond());
        values.put(NotifierConfig.SMTP_HOST, SmtpSink.HOST);
        values.put(NotifierConfig.SMTP_PORT, setup.smtpPort());
        values.put(NotifierConfig.SMTP_CONNECTIONS, connections);
        if (dkim) {
            TenantsLoader.load(Optional.of(setup.tenantsFile())).all().forEach(tenant -> {
                String prefix = NotifierConfig.DKIM_PREFIX + tenant.id();
                values.put(prefix + ".domain", AddressNormalizer.domainOf(tenant.mail().from()));
                values.put(prefix + ".selector", BenchDkimKey.SELECTOR);
                values.put(prefix + ".key.file", setup.dkimKeyFile().toString());
            });
        }
        return values;
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, setup.broker().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> outcomeConsumer() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, setup.broker().bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
