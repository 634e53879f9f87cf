package io.resetflow.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** Waits until the broker answers a client the way a client expects: it describes a cluster with a live broker. */
final class BrokerReadiness {

    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private BrokerReadiness() {
    }

    static void await(Map<String, Object> clientProperties, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Exception lastFailure = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the broker", e);
                }
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            }
        }
        throw new IllegalStateException("The broker did not become ready in " + timeout, lastFailure);
    }
}
