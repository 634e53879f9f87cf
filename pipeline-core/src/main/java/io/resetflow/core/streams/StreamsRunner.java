package io.resetflow.core.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology: logs its description, binds its metrics, and on an uncaught error shuts the
 * client down so the supervisor restarts it (state is never wiped here).
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Duration closeTimeout;
    private volatile boolean closing;

    public StreamsRunner(Topology topology, Properties props, MeterRegistry meterRegistry, Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
        LOG.info("Topology of {}:\n{}", props.get("application.id"), topology.describe());
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("Stream thread failed; shutting the client down for a restart", error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("{} state {} -> {}", props.get("application.id"), before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meterRegistry);
    }

    public StreamsRunner start() {
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Blocks until the client has stopped; true when it stopped on its own (a fatal error), not by close. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return !closing;
    }

    /** False once the client stopped on its own: it will not process again until restarted. */
    public boolean isAlive() {
        return closing || stopped.getCount() > 0;
    }

    @Override
    public void close() {
        closing = true;
        // Leaving the group lets a restarted instance take its partitions at once instead of
        // after the session timeout, during which its queries would be unavailable.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(closeTimeout));
        metrics.close();
    }
}
