package io.resetflow.tracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ProjectedReaderTest {

    private static final String TOPIC = "notify.outcomes";

    private final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of());

    @Test
    void readsTheNamedFieldsInTheirOrderAndNothingElse() {
        // Given an outcome as the notifier writes it
        byte[] written = serdes.value(DeliveryOutcome.class).serializer().serialize(TOPIC, outcome("n-7", 550));

        // When read projected onto three fields
        GenericRecord read = new ProjectedReader(serdes.registry(), DeliveryOutcome.class, "status", "notificationId",
                "occurredAt").read(TOPIC, written);

        // Then field i is the i-th name, timestamps as epoch millis, and the reply is not there at all
        assertThat(read.get(0).toString()).isEqualTo("BOUNCED");
        assertThat(read.get(1).toString()).isEqualTo("n-7");
        assertThat(read.get(2)).isEqualTo(1_764_633_600_000L);
        assertThat(read.getSchema().getFields()).hasSize(3);
        assertThat(read.hasField("smtpReply")).isFalse();
    }

    @Test
    void eachReadReplacesThePreviousRecordsValues() {
        ProjectedReader reader = new ProjectedReader(serdes.registry(), DeliveryOutcome.class, "notificationId");
        var serializer = serdes.value(DeliveryOutcome.class).serializer();

        assertThat(reader.read(TOPIC, serializer.serialize(TOPIC, outcome("n-1", 250))).get(0).toString())
                .isEqualTo("n-1");
        assertThat(reader.read(TOPIC, serializer.serialize(TOPIC, outcome("n-2", 250))).get(0).toString())
                .isEqualTo("n-2");
    }

    @Test
    void unframedOrTruncatedValuesAreSerializationErrorsNamingTheTopic() {
        ProjectedReader reader = new ProjectedReader(serdes.registry(), DeliveryOutcome.class, "notificationId");
        byte[] written = serdes.value(DeliveryOutcome.class).serializer().serialize(TOPIC, outcome("n-3", 250));

        assertThatThrownBy(() -> reader.read(TOPIC, new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
        assertThatThrownBy(() -> reader.read(TOPIC, java.util.Arrays.copyOf(written, 9)))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
        assertThatThrownBy(() -> new ProjectedReader(serdes.registry(), DeliveryOutcome.class, "password"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }

    private static DeliveryOutcome outcome(String notificationId, int code) {
        return DeliveryOutcome.newBuilder().setNotificationId(notificationId).setMailboxId("mbx-1").setTenant("nifty")
                .setKind(NoticeKind.INITIAL_NOTICE).setStatus(code >= 500 ? DeliveryStatus.BOUNCED : DeliveryStatus.SENT)
                .setChannel(RecipientChannel.values()[0]).setHadContactAddress(false).setAttempt(1)
                .setSmtpCode(code).setSmtpReply(code + " user unknown").setMessageId("<m@x>")
                .setOccurredAt(Instant.ofEpochMilli(1_764_633_600_000L)).build();
    }
}
