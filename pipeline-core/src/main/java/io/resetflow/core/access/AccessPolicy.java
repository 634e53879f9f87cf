package io.resetflow.core.access;

import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.topic.TopicNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the cluster, derived from the tenants file: the only source of the ACLs that
 * {@code tenants provision} creates and {@code tenants audit} checks.
 *
 * <p>An ISP reads its affected accounts, statuses and commands and writes its reset events and
 * answers, each topic named literally (a topic added under its prefix later is not readable until the
 * policy says so), with groups and transactional ids under {@code isp.<tenant>.}. It is denied every
 * other tenant's prefix, every shared topic and every service's internal topics and groups, so an
 * over-broad allow added by hand still reaches nothing. Each service gets the topics its topology
 * reads and writes, and everything under its own application id. Dead letters, which carry the raw
 * bytes of what could not be read, are written by the services and read by operations alone.
 */
public final class AccessPolicy {

    private final TopicNames names;
    private final Tenants tenants;
    private final ServiceIds ids;
    private final Map<String, List<AclBinding>> byUser = new LinkedHashMap<>();

    public AccessPolicy(TopicNames names, Tenants tenants, ServiceIds ids) {
        this.names = names;
        this.tenants = tenants;
        this.ids = ids;
        tenants.ids().forEach(tenant -> byUser.put(Principals.isp(tenant), isp(tenant)));
        byUser.put(Principals.INTAKE, intake());
        byUser.put(Principals.TRACKER, tracker());
        byUser.put(Principals.NOTIFIER, notifier());
        byUser.put(Principals.IMPORT, new Grants(Principals.IMPORT).writeTopic(names.breachAffectedAccounts()).bindings());
        byUser.put(Principals.OPERATIONS, operations());
    }

    /** The SCRAM user names the policy manages: the ISPs', then the services'. */
    public List<String> userNames() {
        return List.copyOf(byUser.keySet());
    }

    public List<AclBinding> bindings(String userName) {
        return byUser.getOrDefault(userName, List.of());
    }

    /** The topics the user may read or write, by name (literal topic allows only). */
    public Set<String> topics(String userName, AclOperation operation) {
        Set<String> topics = new TreeSet<>();
        for (AclBinding binding : bindings(userName)) {
            if (binding.pattern().resourceType() == ResourceType.TOPIC
                    && binding.pattern().patternType() == PatternType.LITERAL
                    && binding.entry().operation() == operation) {
                topics.add(binding.pattern().name());
            }
        }
        return topics;
    }

    public List<AclBinding> bindings() {
        return byUser.values().stream().flatMap(List::stream).toList();
    }

    public TopicNames names() {
        return names;
    }

    public Tenants tenants() {
        return tenants;
    }

    /** The dead-letter topics of the three services, which provisioning creates with the rest. */
    public List<String> deadLetterTopics() {
        return services().stream().map(names::deadLetter).toList();
    }

    /** The services' application ids (the notifier's group), which name their dead-letter topics. */
    public List<String> services() {
        return List.of(ids.intakeApplication(), ids.trackerApplication(), ids.notifierGroup());
    }

    private List<AclBinding> isp(String tenant) {
        String own = names.tenantAclPrefix(tenant);
        Grants grants = new Grants(Principals.isp(tenant))
                .readTopic(names.tenantAffectedAccounts(tenant))
                .readTopic(names.tenantRemediationStatus(tenant))
                .readTopic(names.tenantForceResets(tenant))
                .readTopic(names.tenantRejectedEvents(tenant))
                .writeTopic(names.tenantPasswordResets(tenant))
                .writeTopic(names.tenantCommandAnswers(tenant))
                .groups(own, PatternType.PREFIXED)
                .transactionalIds(own);
        for (String other : tenants.ids()) {
            if (!other.equals(tenant)) {
                String theirs = names.tenantAclPrefix(other);
                grants.deny(ResourceType.TOPIC, theirs).deny(ResourceType.GROUP, theirs)
                        .deny(ResourceType.TRANSACTIONAL_ID, theirs);
            }
        }
        sharedTopicPrefixes().forEach(prefix -> grants.deny(ResourceType.TOPIC, prefix));
        for (String service : servicePrefixes()) {
            grants.deny(ResourceType.TOPIC, service).deny(ResourceType.GROUP, service)
                    .deny(ResourceType.TRANSACTIONAL_ID, service);
        }
        return grants.bindings();
    }

    private List<AclBinding> intake() {
        String app = ids.intakeApplication();
        Grants grants = new Grants(Principals.INTAKE)
                .readTopic(names.breachAffectedAccounts())
                .writeTopic(names.remediationIntake())
                .writeTopic(names.breachRejected())
                .writeTopic(names.deadLetter(app));
        tenants.ids().forEach(tenant -> grants.writeTopic(names.tenantAffectedAccounts(tenant)));
        return streamsApplication(grants.describeConfigsOfTopics(), app).bindings();
    }

    private List<AclBinding> tracker() {
        String app = ids.trackerApplication();
        Grants grants = new Grants(Principals.TRACKER)
                .readTopic(names.remediationIntake())
                .readTopic(names.notifyOutcomes())
                .readTopic(names.remediationRedrives())
                .readTopic(names.remediationProgress())
                .writeTopic(names.remediationRedrives())
                .writeTopic(names.remediationProgress())
                .writeTopic(names.resetsRejected())
                .writeTopic(names.deadLetter(app));
        for (String tenant : tenants.ids()) {
            grants.readTopic(names.tenantPasswordResets(tenant))
                    .readTopic(names.tenantCommandAnswers(tenant))
                    .writeTopic(names.notifyRequests(tenant))
                    .writeTopic(names.tenantRemediationStatus(tenant))
                    .writeTopic(names.tenantForceResets(tenant))
                    .writeTopic(names.tenantRejectedEvents(tenant));
        }
        return streamsApplication(grants.describeConfigsOfTopics(), app).bindings();
    }

    private List<AclBinding> notifier() {
        Grants grants = new Grants(Principals.NOTIFIER)
                .readTopic(names.notifySentLedger())
                .writeTopic(names.notifySentLedger())
                .writeTopic(names.notifyOutcomes())
                .writeTopic(names.deadLetter(ids.notifierGroup()));
        tenants.ids().forEach(tenant -> grants.readTopic(names.notifyRequests(tenant)));
        return grants.describeConfigsOfTopics()
                .groups(ids.notifierGroup(), PatternType.LITERAL)
                .transactionalIds(ids.notifierTransactionalPrefix())
                .bindings();
    }

    private List<AclBinding> operations() {
        Grants grants = new Grants(Principals.OPERATIONS);
        names.sharedTopics().forEach(grants::readTopic);
        deadLetterTopics().forEach(grants::readTopic);
        for (String tenant : tenants.ids()) {
            grants.readTopic(names.notifyRequests(tenant));
            TopicNames.TENANT_ROLES.forEach(role -> grants.readTopic(names.tenantTopic(tenant, role)));
        }
        // Reconciliation tells consumed from not yet consumed by each service's committed offsets.
        return grants.writeTopic(names.remediationRedrives())
                .groups(Principals.OPERATIONS, PatternType.PREFIXED)
                .describeGroup(ids.intakeApplication())
                .describeGroup(ids.trackerApplication())
                .describeGroup(ids.notifierGroup())
                .bindings();
    }

    /** Internal topics, the consumer group and the transactional ids of a Streams application. */
    private static Grants streamsApplication(Grants grants, String applicationId) {
        return grants.ownTopics(applicationId + "-")
                .groups(applicationId, PatternType.LITERAL)
                .transactionalIds(applicationId + "-");
    }

    /** The first name segment of every shared topic ({@code breach.}, {@code notify.}, ...). */
    private Set<String> sharedTopicPrefixes() {
        List<String> shared = new ArrayList<>(names.sharedTopics());
        tenants.ids().forEach(tenant -> shared.add(names.notifyRequests(tenant)));
        Set<String> prefixes = new LinkedHashSet<>();
        for (String topic : shared) {
            String rest = topic.substring(names.sharedPrefix().length());
            prefixes.add(names.sharedPrefix() + rest.substring(0, rest.indexOf('.') + 1));
        }
        return prefixes;
    }

    private Set<String> servicePrefixes() {
        return new LinkedHashSet<>(List.of(ids.intakeApplication(), ids.trackerApplication(), ids.notifierGroup(),
                ids.notifierTransactionalPrefix()));
    }
}
