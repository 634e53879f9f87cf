package io.resetflow.notifier.consume;

import io.resetflow.core.tenant.Tenant;
import io.resetflow.notifier.pacing.RelayHolds;
import io.resetflow.notifier.pacing.SendGate;
import io.resetflow.notifier.pacing.TenantSwitches;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Pauses exactly the request partitions of the tenants that are held (paused by an operator, in quiet
 * hours, relay held, or window full) and resumes them when the hold ends: nothing more of a held tenant
 * is read into memory, and its offsets stay where they are, while every other tenant reads on.
 */
final class TenantHolds {

    private final Collection<Tenant> tenants;
    private final Map<String, String> tenantOfTopic;
    private final TenantSwitches switches;
    private final SendGate gate;
    private final RelayHolds relays;
    private final InFlight inFlight;
    private final int window;
    private final Map<String, Set<HoldCause>> current = new ConcurrentHashMap<>();

    TenantHolds(Collection<Tenant> tenants, Map<String, String> tenantOfTopic, TenantSwitches switches, SendGate gate,
                RelayHolds relays, InFlight inFlight, int window) {
        this.tenants = List.copyOf(tenants);
        this.tenantOfTopic = Map.copyOf(tenantOfTopic);
        this.switches = switches;
        this.gate = gate;
        this.relays = relays;
        this.inFlight = inFlight;
        this.window = window;
    }

    /** Decides every tenant's holds and pauses or resumes its assigned partitions to match. */
    void apply(Consumer<?, ?> consumer) {
        for (Tenant tenant : tenants) {
            current.put(tenant.id(), causes(tenant));
        }
        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            boolean held = isHeld(tenantOfTopic.get(partition.topic()));
            if (held && !paused.contains(partition)) {
                toPause.add(partition);
            } else if (!held && paused.contains(partition)) {
                toResume.add(partition);
            }
        }
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
    }

    /** Whether one more request of the tenant may be taken into memory now. */
    boolean admits(String tenant) {
        return !isHeld(tenant) && inFlight.of(tenant) < window;
    }

    boolean isHeld(String tenant) {
        Set<HoldCause> causes = current.get(tenant);
        return causes != null && !causes.isEmpty();
    }

    /** As last decided; read by the held gauges. */
    boolean isHeld(String tenant, HoldCause cause) {
        Set<HoldCause> causes = current.get(tenant);
        return causes != null && causes.contains(cause);
    }

    private Set<HoldCause> causes(Tenant tenant) {
        String id = tenant.id();
        Set<HoldCause> causes = EnumSet.noneOf(HoldCause.class);
        if (switches.isPaused(id)) {
            causes.add(HoldCause.PAUSED);
        }
        if (gate.isQuiet(tenant)) {
            causes.add(HoldCause.QUIET_HOURS);
        }
        // Once the back-off is over a held relay needs a mail to probe it: with none in memory, read one.
        if (relays.isHeld(id) && (relays.isBackingOff(id) || inFlight.of(id) > 0)) {
            causes.add(HoldCause.RELAY);
        }
        if (inFlight.of(id) >= window) {
            causes.add(HoldCause.WINDOW);
        }
        return causes;
    }
}
