package io.resetflow.notifier.consume;

import io.github.bucket4j.TimeMeter;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.time.CampaignTime;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.notifier.Mails;
import io.resetflow.notifier.NotifierService;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.notifier.send.MailTransport;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test's topics (own prefix: one request topic per tenant, the outcomes), its request producer and
 * outcome reader, and notifiers on them.
 */
final class NotifierHarness implements AutoCloseable {

    static final String OPERATIONS_TOKEN = "notifier-test-operations-token-0123456789ab";

    final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of());
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final EmbeddedKafkaBroker broker;
    private final Path stateDir;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, DeliveryOutcome> outcomes;
    private final List<DeliveryOutcome> seen = new ArrayList<>();

    NotifierHarness(EmbeddedKafkaBroker broker, Path stateDir) {
        this(broker, stateDir, Mails.TENANTS.ids());
    }

    NotifierHarness(EmbeddedKafkaBroker broker, Path stateDir, Collection<String> tenants) {
        this.broker = broker;
        this.stateDir = stateDir;
        tenants.forEach(tenant -> broker.createTopic(requestTopic(tenant), 2));
        broker.createTopic(prefix + "notify.outcomes", 2);
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumer = new HashMap<>();
        consumer.put("bootstrap.servers", broker.bootstrapServers());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + prefix);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.outcomes = new KafkaConsumer<>(consumer, new StringDeserializer(),
                serdes.value(DeliveryOutcome.class).deserializer());
        outcomes.subscribe(List.of(prefix + "notify.outcomes"));
    }

    Map<String, Object> settings(int smtpPort, String ledgerName) {
        Map<String, Object> values = new HashMap<>();
        values.put(NotifierConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(NotifierConfig.TOPIC_PREFIX, prefix);
        values.put(NotifierConfig.TOPIC_PARTITIONS, 2);
        values.put(NotifierConfig.GROUP_ID, "notifier-" + prefix);
        values.put(NotifierConfig.TRANSACTIONAL_ID, "notifier-" + prefix);
        values.put(NotifierConfig.LEDGER_DIR, stateDir.resolve(ledgerName).toString());
        values.put(NotifierConfig.SMTP_HOST, "127.0.0.1");
        values.put(NotifierConfig.SMTP_PORT, smtpPort);
        values.put(NotifierConfig.SMTP_CONNECTIONS, 2);
        values.put(NotifierConfig.SMTP_TIMEOUT_MS, 5_000L);
        values.put(NotifierConfig.RETRY_INITIAL_MS, 50L);
        values.put(NotifierConfig.RETRY_MAX_MS, 200L);
        values.put(NotifierConfig.RETRY_MAX_ATTEMPTS, 20);
        values.put(NotifierConfig.QUIET_RECHECK_MS, 100L);
        values.put(NotifierConfig.RELAY_HOLD_INITIAL_MS, 100L);
        values.put(NotifierConfig.RELAY_HOLD_MAX_MS, 1_000L);
        values.put(NotifierConfig.HTTP_PORT, 0);
        // Requests here name synthetic mailboxIds; the recipient check has tests of its own.
        values.put(NotifierConfig.VERIFY_RECIPIENTS, false);
        values.put(NotifierConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("test-operator"), OPERATIONS_TOKEN));
        return values;
    }

    NotifierService start(Map<String, Object> settings, MailTransport transport, Clock clock) {
        PlannedTopics.createFor(broker, settings);
        NotifierConfig config = new NotifierConfig(settings);
        return new NotifierService(config, tenant -> transport, config.smtp().connections(), serdes,
                new CampaignTime(CampaignClock.realTime(), clock),
                TimeMeter.SYSTEM_NANOTIME, OpsServer.newRegistry()).start();
    }

    /** With the given transports per tenant, e.g. the production per-tenant relays. */
    NotifierService start(Map<String, Object> settings, Function<String, MailTransport> transports, int connections,
                          Clock clock) {
        PlannedTopics.createFor(broker, settings);
        return new NotifierService(new NotifierConfig(settings), transports, connections, serdes,
                new CampaignTime(CampaignClock.realTime(), clock),
                TimeMeter.SYSTEM_NANOTIME, OpsServer.newRegistry()).start();
    }

    String requestTopic(String tenant) {
        return prefix + "notify.requests." + tenant;
    }

    /** On the request's tenant's topic, as the tracker writes it. */
    void request(NotificationRequest request) {
        request(request.getTenant(), request);
    }

    void request(String topicTenant, NotificationRequest request) {
        String topic = requestTopic(topicTenant);
        producer.send(new ProducerRecord<>(topic, request.getMailboxId(),
                serdes.value(NotificationRequest.class).serializer().serialize(topic, request)));
        producer.flush();
    }

    void rawRequest(String topicTenant, String key, byte[] value) {
        producer.send(new ProducerRecord<>(requestTopic(topicTenant), key, value));
        producer.flush();
    }

    /** Every outcome committed so far, in the order read. */
    List<DeliveryOutcome> outcomes() {
        outcomes.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        producer.close();
        outcomes.close();
    }
}
