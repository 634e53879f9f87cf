package io.resetflow.local;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ProvisionPlan;
import io.resetflow.core.access.Provisioner;
import io.resetflow.core.access.ScramCredentials;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.embedded.ScramUser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The local stack secured as production is: a SASL/SCRAM broker whose super user's password is
 * generated into {@code <data-dir>/credentials}, every ISP and service provisioned from the tenants
 * file with its own user and least-privilege ACLs ({@code tenants provision}'s code), and each
 * service and simulated ISP connecting as itself. The simulated customers, who in life read their
 * mail, read the notifier's outcomes as a local-only user of their own.
 */
final class LocalAccess {

    static final String ADMIN = "admin";
    static final String OPERATIONS_SETTINGS = "operations-settings.properties";
    static final String CUSTOMERS = "local-customers";
    static final String CUSTOMERS_GROUP = "local-customer-simulator";
    private static final String PROTOCOL = "SASL_PLAINTEXT";

    private final Path dir;
    private final ScramCredentials credentials;

    LocalAccess(Path dataDir) {
        this.dir = dataDir.resolve("credentials");
        this.credentials = new ScramCredentials(dir, Map.of());
    }

    /** The broker's super user; a data directory from before the stack was secured cannot be reused. */
    ScramUser admin(Path kafkaDir) {
        if (Files.isDirectory(kafkaDir) && !Files.exists(dir.resolve(ADMIN + ".password"))) {
            throw new IllegalStateException("the data directory holds a broker formatted without SASL/SCRAM: start "
                    + "with a new --data-dir (or delete " + kafkaDir + ")");
        }
        String password = credentials.passwordFileOrCreate(ADMIN);
        if (!Files.exists(credentials.propertiesFile(ADMIN))) {
            credentials.writeClientProperties(ADMIN, password, PROTOCOL);
        }
        return new ScramUser(ADMIN, password);
    }

    /** Topics, users and ACLs of the policy, then the customers' own user; nothing changes on a restart. */
    void provision(Admin admin, CommonConfig config) {
        AccessPolicy policy = new AccessPolicy(config.topicNames(), config.tenants(), ServiceIds.DEFAULT);
        Provisioner provisioner = new Provisioner(admin, policy, Provisioner.topicsOf(config.topicPlan(), policy),
                credentials, PROTOCOL);
        ProvisionPlan changes = provisioner.plan(false);
        if (!changes.isEmpty()) {
            provisioner.apply(changes);
        }
        if (!Files.exists(credentials.propertiesFile(CUSTOMERS))) {
            createCustomers(admin, config);
        }
    }

    private void createCustomers(Admin admin, CommonConfig config) {
        String password = ScramCredentials.generate();
        String principal = Principals.user(CUSTOMERS);
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(CUSTOMERS,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(
                    new AclBinding(new ResourcePattern(ResourceType.TOPIC, config.topicNames().notifyOutcomes(),
                            PatternType.LITERAL), new AccessControlEntry(principal, "*", AclOperation.READ,
                            AclPermissionType.ALLOW)),
                    new AclBinding(new ResourcePattern(ResourceType.GROUP, CUSTOMERS_GROUP, PatternType.LITERAL),
                            new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the simulated customers' user: " + e.getMessage(), e);
        }
        credentials.writeClientProperties(CUSTOMERS, password, PROTOCOL);
    }

    /** The {@code kafka.*} settings of a service or ISP connecting as the user. */
    Map<String, Object> serviceSettings(String user) {
        Map<String, Object> settings = new HashMap<>();
        clientProperties(user).forEach((key, value) -> settings.put(CommonConfig.KAFKA_PREFIX + key, value));
        return settings;
    }

    /** The client properties the user's file holds (no bootstrap servers). */
    Map<String, Object> clientProperties(String user) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(credentials.propertiesFile(user), StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials of " + user, e);
        }
        Map<String, Object> props = new HashMap<>();
        file.stringPropertyNames().forEach(name -> props.put(name, file.getProperty(name)));
        return props;
    }

    /**
     * A ResetFlow settings file for the operations tools (reconcile, report): the shared settings and
     * the operations user's {@code kafka.*} credentials, owner-only, rewritten at every start.
     */
    Path writeOperationsSettings(Map<String, Object> shared) {
        Properties settings = new Properties();
        shared.forEach((key, value) -> settings.setProperty(key, String.valueOf(value)));
        serviceSettings(Principals.OPERATIONS).forEach((key, value) -> settings.setProperty(key, String.valueOf(value)));
        Path file = dir.resolve(OPERATIONS_SETTINGS);
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                settings.store(writer, "ResetFlow settings of the operations tools; keep this file secret");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Path propertiesFile(String user) {
        return credentials.propertiesFile(user);
    }

    Path dir() {
        return dir;
    }
}
