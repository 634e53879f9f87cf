package io.resetflow.intake;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.config.ConfigSources;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.ops.RunningService;
import io.resetflow.core.runtime.ServiceTopics;
import io.resetflow.core.streams.StreamsRunner;
import io.resetflow.core.streams.StreamsSettings;
import io.resetflow.serde.AvroSerdes;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake service: the intake topology under exactly_once_v2, with {@code /health} and
 * {@code /metrics} (Streams metrics and the per-tenant duplicate counters). Its topics must exist
 * ({@code resetflow topics create}).
 */
public final class IntakeService implements RunningService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final IntakeConfig config;
    private final PrometheusMeterRegistry registry = OpsServer.newRegistry();
    private StreamsRunner runner;
    private OpsServer ops;

    public IntakeService(IntakeConfig config) {
        config.requireDeploymentSecret();
        this.config = config;
    }

    /** Settings from an optional properties file (first argument), then RESETFLOW_* environment variables. */
    public static void main(String[] args) throws InterruptedException {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        IntakeService service = new IntakeService(new IntakeConfig(ConfigSources.merge(file, System.getenv(), Map.of())));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "intake-shutdown"));
        System.exit(service.start().awaitStop() ? 1 : 0);
    }

    public synchronized IntakeService start() {
        LOG.info("Starting intake with {}", config.describe());
        ServiceTopics.require(config, ServiceIds.DEFAULT.withIntakeApplication(config.applicationId()), Principals.INTAKE);
        AvroSerdes serdes = AvroSerdes.forRegistry(config.schemaRegistryUrl());
        Topology topology = IntakeTopology.build(config, serdes,
                new MeteredDuplicateCounter(registry, config.tenants().ids()));
        Properties tuned = IntakeStreamsTuning.applyTo(StreamsSettings.withThroughputTuning(
                StreamsSettings.of(config, config.applicationId())));
        runner = new StreamsRunner(topology, StreamsSettings.withDeploymentSettings(tuned, config), registry,
                config.shutdownTimeout());
        ops = new OpsServer(config.getString(CommonConfig.HTTP_BIND_ADDRESS), config.httpPort(), registry,
                runner::isRunning).liveWhile(runner::isAlive).start();
        runner.start();
        LOG.info("Intake started; /health and /metrics on port {}", ops.port());
        return this;
    }

    @Override
    public boolean awaitStop() throws InterruptedException {
        return runner.awaitStop();
    }

    public StreamsRunner runner() {
        return runner;
    }

    public int httpPort() {
        return ops.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
        if (ops != null) {
            ops.close();
            ops = null;
        }
    }
}
