package io.resetflow.core.access.command;

import io.resetflow.core.access.AccessAudit;
import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.ClusterAccess;
import io.resetflow.core.access.Finding;
import io.resetflow.core.config.CommonConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow tenants audit}: lists what every principal may do on the cluster, compares it with
 * the policy, and exits 1 on any drift or anything broader than the policy.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Lists every principal's ACLs and exits non-zero when they differ from the policy.")
public final class TenantsAuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AdminOptions admin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            CommonConfig settings = admin.settings();
            AccessPolicy policy = admin.policy(settings);
            ClusterAccess cluster;
            try (Admin client = Admin.create(admin.adminProperties(settings))) {
                cluster = ClusterAccess.read(client);
            }
            AccessAudit.byPrincipal(cluster.acls()).forEach((principal, acls) -> {
                boolean managed = policy.userNames().stream().anyMatch(u -> principal.equals("User:" + u));
                out.println(principal + (managed ? "" : " (not managed by the policy)"));
                acls.forEach(acl -> out.println("  " + acl.substring(principal.length() + 1)));
            });
            List<Finding> findings = new AccessAudit(policy).findings(cluster.acls(), cluster.scramUsers());
            if (findings.isEmpty()) {
                out.printf("Audit clean: %d principals, %d ACLs, as the policy says.%n", policy.userNames().size(),
                        policy.bindings().size());
                return 0;
            }
            out.println(findings.size() + " findings:");
            findings.forEach(finding -> out.println("  " + finding));
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("tenants audit failed: " + e.getMessage());
            return 2;
        }
    }
}
