package io.resetflow.notifier.consume;

import io.resetflow.avro.DeliveryOutcome;

/** An outcome an attempt produced, handed from a sending thread to the consumer thread for publication. */
record Completion(Delivery delivery, DeliveryOutcome outcome, boolean isFinal) {
}
