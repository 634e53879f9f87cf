package io.resetflow.local.simulate;

import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.ResetActor;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.serde.AvroDeserializer;
import io.resetflow.serde.AvroSerdeConfig;
import io.resetflow.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the customers and the ISPs of a local run: customers who received a notice reset their
 * password after a while (as the ISP reports it on {@code isp.<tenant>.password-resets}), and ISPs
 * carry out the locks and forced resets they are asked for (reported the same way) and answer a
 * request to reach a customer by another channel on {@code isp.<tenant>.command-answers}; a
 * cancelled command is left alone. Pending events wait in a bounded queue; when it is full,
 * reading pauses, so memory stays flat whatever the size of the breach.
 */
public final class CustomerSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerSimulator.class);
    private static final int MAX_PENDING = 200_000;

    private final TopicNames topics;
    private final CampaignClock clock;
    private final CustomerBehaviour behaviour;
    private final Clients clients;
    private final String registryUrl;
    private final PriorityQueue<PendingEvent> pending =
            new PriorityQueue<>(Comparator.comparingLong(PendingEvent::dueAtMs));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong reported = new AtomicLong();
    private final Thread thread;
    private final List<KafkaConsumer<String, Object>> consumers = new CopyOnWriteArrayList<>();

    /**
     * How the simulation connects: the customers (who in life read their mail) read the outcomes as
     * a user of their own; each ISP reads its commands and reports resets and answers as itself.
     */
    public record Clients(Map<String, Object> customers, String customersGroup, Map<String, Map<String, Object>> isps) {
    }

    public CustomerSimulator(TopicNames topics, CampaignClock clock, CustomerBehaviour behaviour,
                             Clients clients, String registryUrl) {
        this.topics = topics;
        this.clock = clock;
        this.behaviour = behaviour;
        this.clients = clients;
        this.registryUrl = registryUrl;
        this.thread = new Thread(this::run, "customer-simulator");
        this.thread.setDaemon(true);
    }

    public CustomerSimulator start() {
        thread.start();
        return this;
    }

    /** Resets and confirmations reported so far. */
    public long reported() {
        return reported.get();
    }

    private void run() {
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Map<String, KafkaProducer<String, GenericContainer>> producers = new HashMap<>();
        try {
            KafkaConsumer<String, Object> outcomes = consumer(clients.customers(), clients.customersGroup(), serdeConfig);
            outcomes.subscribe(List.of(topics.notifyOutcomes()));
            clients.isps().forEach((tenant, props) -> {
                consumer(props, topics.tenantAclPrefix(tenant) + "simulated-isp", serdeConfig)
                        .subscribe(List.of(topics.tenantForceResets(tenant)));
                AvroSerializer<GenericContainer> events = new AvroSerializer<>();
                events.configure(serdeConfig, false);
                producers.put(tenant, new KafkaProducer<>(producerProperties(props), new StringSerializer(), events));
            });
            while (running.get()) {
                boolean full = pending.size() >= MAX_PENDING;
                for (KafkaConsumer<String, Object> consumer : consumers) {
                    if (full) {
                        consumer.pause(consumer.assignment());
                    } else {
                        consumer.resume(consumer.paused());
                    }
                    for (ConsumerRecord<String, Object> record : consumer.poll(
                            Duration.ofMillis(consumer == outcomes ? 100 : 5))) {
                        react(record.value());
                    }
                }
                emitDue(producers);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Customer simulator stopped", e);
        } finally {
            consumers.forEach(KafkaConsumer::close);
            producers.values().forEach(KafkaProducer::close);
        }
    }

    private KafkaConsumer<String, Object> consumer(Map<String, Object> client, String group,
                                                   Map<String, Object> serdeConfig) {
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        values.configure(serdeConfig, false);
        KafkaConsumer<String, Object> consumer =
                new KafkaConsumer<>(consumerProperties(client, group), new StringDeserializer(), values);
        consumers.add(consumer);
        return consumer;
    }

    private void react(Object value) {
        long now = System.currentTimeMillis();
        if (value instanceof DeliveryOutcome outcome && outcome.getStatus() == DeliveryStatus.SENT) {
            behaviour.resetDelay(outcome.getMailboxId(), outcome.getKind()).ifPresent(delay ->
                    pending.add(new PendingEvent(wallAfter(now, delay), outcome.getTenant(), outcome.getMailboxId(),
                            ResetActor.CUSTOMER, "sim-" + outcome.getNotificationId())));
        } else if (value instanceof IspCommand command && !command.getCancelled()) {
            long due = wallAfter(now, behaviour.ispConfirmationDelay(command.getMailboxId()));
            if (command.getAction() == IspAction.REACH_BY_OTHER_CHANNEL) {
                pending.add(PendingEvent.answer(due, command.getTenant(), command.getMailboxId(), command.getCommandId()));
            } else {
                ResetActor actor = command.getAction() == IspAction.LOCK_ACCOUNT ? ResetActor.LOCKED : ResetActor.FORCED;
                pending.add(new PendingEvent(due, command.getTenant(), command.getMailboxId(), actor,
                        "sim-" + command.getCommandId()));
            }
        }
    }

    private long wallAfter(long nowMs, Duration campaignDelay) {
        Instant campaignNow = clock.toCampaign(nowMs);
        return clock.toWall(campaignNow.plus(campaignDelay)).toEpochMilli();
    }

    private void emitDue(Map<String, KafkaProducer<String, GenericContainer>> producers) {
        long now = System.currentTimeMillis();
        while (!pending.isEmpty() && pending.peek().dueAtMs() <= now) {
            PendingEvent due = pending.poll();
            KafkaProducer<String, GenericContainer> producer = producers.get(due.tenant());
            if (due.commandId() != null) {
                IspCommandAnswer answer = IspCommandAnswer.newBuilder().setCommandId(due.commandId())
                        .setMailboxId(due.mailboxId()).setTenant(due.tenant()).setAnswer(CommandAnswerKind.DONE)
                        .setAnsweredBy("sim-" + due.tenant() + "-contact-centre").setAnsweredAt(clock.toCampaign(now))
                        .build();
                producer.send(new ProducerRecord<>(topics.tenantCommandAnswers(due.tenant()), due.mailboxId(), answer));
                reported.incrementAndGet();
                continue;
            }
            PasswordResetEvent event = PasswordResetEvent.newBuilder()
                    .setEventId(due.eventId())
                    .setTenant(due.tenant())
                    .setMailboxId(due.mailboxId())
                    .setChangedAt(clock.toCampaign(now))
                    .setActor(due.actor())
                    .build();
            producer.send(new ProducerRecord<>(topics.tenantPasswordResets(due.tenant()), due.mailboxId(), event));
            reported.incrementAndGet();
        }
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> client, String group) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return props;
    }

    private static Map<String, Object> producerProperties(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return props;
    }

    @Override
    public void close() {
        running.set(false);
        for (KafkaConsumer<String, Object> consumer : consumers) {
            try {
                consumer.wakeup();
            } catch (RuntimeException closedAlready) {
                // the simulator's thread has closed it: nothing to wake
            }
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
