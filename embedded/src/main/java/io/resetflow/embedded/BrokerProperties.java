package io.resetflow.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The server.properties of a single combined broker+controller node on loopback. */
final class BrokerProperties {

    static final String HOST = "127.0.0.1";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String SASL_LISTENER = "SASL_PLAINTEXT";
    static final String PLAINTEXT_LISTENER = "PLAINTEXT";

    private BrokerProperties() {
    }

    static Properties of(int nodeId, BrokerPorts ports, Path logDir, Optional<ScramUser> saslAdmin,
                         Map<String, String> overrides) {
        String clientListener = saslAdmin.isPresent() ? SASL_LISTENER : PLAINTEXT_LISTENER;
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(nodeId));
        props.setProperty("controller.quorum.voters", nodeId + "@" + HOST + ":" + ports.controller());
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("listeners", clientListener + "://" + HOST + ":" + ports.client()
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + ports.controller());
        props.setProperty("advertised.listeners", clientListener + "://" + HOST + ":" + ports.client());
        props.setProperty("listener.security.protocol.map",
                clientListener + ":" + clientListener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("inter.broker.listener.name", clientListener);
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        // One node: every internal topic must live with one replica.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "10");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "10");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("num.partitions", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly, so a typo in a topic name fails instead of creating a stray topic.
        props.setProperty("auto.create.topics.enable", "false");
        // The default 128 MiB cleaner buffer would be taken from the heap of every JVM that embeds a broker.
        props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        props.setProperty("num.network.threads", "2");
        props.setProperty("num.io.threads", "4");

        saslAdmin.ifPresent(admin -> {
            props.setProperty("sasl.enabled.mechanisms", ScramUser.MECHANISM);
            props.setProperty("sasl.mechanism.inter.broker.protocol", ScramUser.MECHANISM);
            props.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", admin.jaasConfig());
            props.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The controller listener is plaintext on loopback: the node talks to itself there as ANONYMOUS.
            props.setProperty("super.users", "User:" + admin.name() + ";User:ANONYMOUS");
            props.setProperty("allow.everyone.if.no.acl.found", "false");
        });

        overrides.forEach(props::setProperty);
        return props;
    }
}
