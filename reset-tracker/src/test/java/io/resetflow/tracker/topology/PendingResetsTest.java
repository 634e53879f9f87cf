package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.ResetActor;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.timers.DueIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class PendingResetsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T01:00:00Z");

    private static <K, V> KeyValueStore<K, V> store(Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("test"), keys, values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static PasswordResetEvent event(String id, String mailboxId) {
        return PasswordResetEvent.newBuilder().setEventId(id).setTenant("nifty").setMailboxId(mailboxId)
                .setChangedAt(NOW).setActor(ResetActor.CUSTOMER).build();
    }

    @Test
    void eventsParkedBeforeARestartAreStillHandedToTheirMailboxAfterIt() {
        // Given two events parked for one mailbox and one for another, then the task restarted
        KeyValueStore<String, PasswordResetEvent> store = store(Serdes.String(),
                new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of()).value(PasswordResetEvent.class));
        DueIndex due = new DueIndex(store(Serdes.Bytes(), Serdes.ByteArray()));
        PendingResets before = new PendingResets(store, due);
        before.park("MBX-1", event("e1", "MBX-1"), NOW.plus(Duration.ofHours(6)));
        before.park("MBX-1", event("e2", "MBX-1"), NOW.plus(Duration.ofHours(6)));
        before.park("MBX-2", event("e3", "MBX-2"), NOW.plus(Duration.ofHours(6)));
        PendingResets restarted = new PendingResets(store, due);

        // When the mailboxes arrive
        var first = restarted.takeAll("MBX-1");
        var second = restarted.takeAll("MBX-2");
        var again = restarted.takeAll("MBX-1");

        // Then each gets its own events once, and nothing is left waiting
        assertThat(first).extracting(PasswordResetEvent::getEventId).containsExactlyInAnyOrder("e1", "e2");
        assertThat(second).extracting(PasswordResetEvent::getEventId).containsExactly("e3");
        assertThat(again).isEmpty();
        assertThat(restarted.takeAll("MBX-3")).isEmpty();
    }

    @Test
    void anEventTakenByItsMailboxIsNotRejectedWhenItsGracePeriodEnds() {
        KeyValueStore<String, PasswordResetEvent> store = store(Serdes.String(),
                new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of()).value(PasswordResetEvent.class));
        DueIndex due = new DueIndex(store(Serdes.Bytes(), Serdes.ByteArray()));
        PendingResets pending = new PendingResets(store, due);
        pending.park("MBX-1", event("e1", "MBX-1"), NOW.plus(Duration.ofHours(6)));
        pending.park("MBX-2", event("e2", "MBX-2"), NOW.plus(Duration.ofHours(6)));

        pending.takeAll("MBX-1");
        var timers = due.dueUpTo(NOW.plus(Duration.ofHours(7)), 10);

        assertThat(timers).hasSize(2);
        assertThat(timers.stream().map(t -> pending.expire(t.mailboxId())).flatMap(java.util.Optional::stream))
                .extracting(PasswordResetEvent::getEventId).containsExactly("e2");
        assertThat(pending.takeAll("MBX-2")).isEmpty();
    }
}
