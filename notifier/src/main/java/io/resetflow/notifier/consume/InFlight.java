package io.resetflow.notifier.consume;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * The requests read and not yet finished, counted per tenant: each tenant fills its own window, so a
 * held tenant's backlog never takes another tenant's room. Changed by the consumer thread only; the
 * counts are read by the metrics too.
 */
final class InFlight {

    private final Map<String, Delivery> byId = new HashMap<>();
    private final Map<String, AtomicInteger> perTenant = new ConcurrentHashMap<>();

    boolean contains(String notificationId) {
        return byId.containsKey(notificationId);
    }

    void add(Delivery delivery) {
        byId.put(delivery.request().getNotificationId(), delivery);
        count(delivery.tenant()).incrementAndGet();
    }

    void remove(String notificationId) {
        Delivery delivery = byId.remove(notificationId);
        if (delivery != null) {
            count(delivery.tenant()).decrementAndGet();
        }
    }

    List<Delivery> all() {
        return List.copyOf(byId.values());
    }

    List<Delivery> from(Collection<TopicPartition> partitions) {
        return byId.values().stream().filter(d -> partitions.contains(d.source())).toList();
    }

    int of(String tenant) {
        return count(tenant).get();
    }

    int size() {
        return byId.size();
    }

    private AtomicInteger count(String tenant) {
        return perTenant.computeIfAbsent(tenant, t -> new AtomicInteger());
    }
}
