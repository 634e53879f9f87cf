package io.resetflow.notifier.consume;

import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.runtime.ServiceTopics;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.notifier.config.NotifierConfig;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Creates the topics a notifier with these settings checks for at its start, as provisioning would. */
final class PlannedTopics {

    private PlannedTopics() {
    }

    static void createFor(EmbeddedKafkaBroker broker, Map<String, ?> settings) {
        try (Admin admin = broker.createAdmin()) {
            TopicCreator.createMissing(admin,
                    ServiceTopics.of(new NotifierConfig(settings), ServiceIds.DEFAULT, Principals.NOTIFIER));
        }
    }
}
