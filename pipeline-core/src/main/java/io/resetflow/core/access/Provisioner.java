package io.resetflow.core.access;

import io.resetflow.core.topic.TopicCreator;
import io.resetflow.core.topic.TopicPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Brings a cluster to the policy: creates the missing topics and SCRAM users, adds the missing ACLs,
 * and (when the plan prunes) removes managed principals' ACLs outside it. Running it twice changes
 * nothing the second time.
 */
public final class Provisioner {

    private static final int SCRAM_ITERATIONS = 8192;
    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;
    private final AccessPolicy policy;
    private final List<NewTopic> topics;
    private final ScramCredentials credentials;
    private final String securityProtocol;

    public Provisioner(Admin admin, AccessPolicy policy, List<NewTopic> topics, ScramCredentials credentials,
                       String securityProtocol) {
        this.admin = admin;
        this.policy = policy;
        this.topics = topics;
        this.credentials = credentials;
        this.securityProtocol = securityProtocol;
    }

    /** Every topic a deployment needs: the plan's shared and per-tenant topics and the services' dead letters. */
    public static List<NewTopic> topicsOf(TopicPlan plan, AccessPolicy policy) {
        List<NewTopic> topics = new ArrayList<>(plan.topics(policy.tenants()));
        policy.services().forEach(service -> topics.add(plan.deadLetterTopic(service)));
        return topics;
    }

    public ProvisionPlan plan(boolean prune) {
        ClusterAccess now = ClusterAccess.read(admin);
        return ProvisionPlan.between(policy, topics, now.topics(), now.scramUsers(), now.acls(), prune);
    }

    /** Carries the plan out; returns the client-settings files written for generated passwords. */
    public List<Path> apply(ProvisionPlan plan) {
        TopicCreator.createMissing(admin, plan.topicsToCreate());
        List<Path> written = createUsers(plan.usersToCreate());
        try {
            if (!plan.aclsToAdd().isEmpty()) {
                admin.createAcls(plan.aclsToAdd()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            if (!plan.aclsToRemove().isEmpty()) {
                admin.deleteAcls(plan.aclsToRemove().stream().map(AclBinding::toFilter).toList()).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot change ACLs: " + e.getMessage(), e);
        }
        return written;
    }

    private List<Path> createUsers(List<String> users) {
        List<Path> written = new ArrayList<>();
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (String user : users) {
            Optional<String> given = credentials.given(user);
            String password = given.orElseGet(ScramCredentials::generate);
            if (given.isEmpty() && !credentials.written(user)) {
                written.add(credentials.writeClientProperties(user, password, securityProtocol));
            }
            upserts.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password));
        }
        if (upserts.isEmpty()) {
            return written;
        }
        try {
            admin.alterUserScramCredentials(upserts).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating SCRAM users", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create SCRAM users: " + e.getMessage(), e);
        }
    }
}
