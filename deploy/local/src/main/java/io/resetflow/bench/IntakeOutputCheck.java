package io.resetflow.bench;

import io.resetflow.core.topic.TopicNames;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.synthetic.ExpectedCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake bench's own verdict on its run: every output topic holds exactly what the generator
 * promised (accepted, rejected, each tenant's share) and the de-duplication counter counted its
 * duplicates. A fast run that lost or doubled records fails.
 */
final class IntakeOutputCheck {

    private IntakeOutputCheck() {
    }

    /**
     * The run's shared topics hold its own records; each tenant's topic (not under the topic prefix)
     * also holds what the untimed warm-up accepted for it.
     */
    static List<String> mismatches(String bootstrap, IntakeConfig config, ExpectedCounts expected,
                                   ExpectedCounts warmUp, long duplicates) {
        TopicNames names = config.topicNames();
        Map<String, Long> wanted = new LinkedHashMap<>();
        wanted.put(names.remediationIntake(), expected.accepted());
        wanted.put(names.breachRejected(), expected.rejected());
        expected.acceptedPerTenant().forEach((tenant, count) -> wanted.put(names.tenantAffectedAccounts(tenant),
                count + warmUp.acceptedPerTenant().getOrDefault(tenant, 0L)));
        Map<String, Long> found = TopicCounts.of(bootstrap, wanted.keySet(), RawKafka.COMPLETION_TIMEOUT);
        List<String> mismatches = new ArrayList<>();
        wanted.forEach((topic, count) -> {
            if (!count.equals(found.get(topic))) {
                mismatches.add(topic + ": " + found.get(topic) + " records, the generator expects " + count);
            }
        });
        if (duplicates != expected.duplicates()) {
            mismatches.add("duplicates counted " + duplicates + ", the generator expects " + expected.duplicates());
        }
        return mismatches;
    }
}
