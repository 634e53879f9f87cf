package io.resetflow.core.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/** What the cluster holds now: its topics, SCRAM users and every ACL. Needs a super user's client. */
public record ClusterAccess(Set<String> topics, Set<String> scramUsers, List<AclBinding> acls) {

    private static final long TIMEOUT_SECONDS = 30;

    public static ClusterAccess read(Admin admin) {
        try {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> users = new HashSet<>();
            Collection<UserScramCredentialsDescription> described = admin.describeUserScramCredentials().all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values();
            described.forEach(d -> users.add(d.name()));
            List<AclBinding> acls = List.copyOf(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            return new ClusterAccess(Set.copyOf(topics), Set.copyOf(users), acls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cluster's ACLs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the cluster's topics, users and ACLs (a super user is "
                    + "needed): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
