package io.resetflow.core.access.command;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.ProvisionPlan;
import io.resetflow.core.access.Provisioner;
import io.resetflow.core.access.ScramCredentials;
import io.resetflow.core.config.CommonConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow tenants provision}: creates, from the tenants file, every tenant's topics, the ISP
 * and service SCRAM users and their ACLs; idempotent. A generated password is written once to
 * {@code <credentials-dir>/<user>.properties} (mode 0600) and never printed.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Creates the missing topics, SCRAM users and ACLs of the tenants and services.")
public final class TenantsProvisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AdminOptions admin;

    @Option(names = "--credentials-dir", paramLabel = "DIR", defaultValue = "credentials",
            description = "Where passwords are read (<user>.password) and generated ones written "
                    + "(<user>.properties, mode 0600); default ${DEFAULT-VALUE}. "
                    + "RESETFLOW_SCRAM_PASSWORD_<USER> sets one from the environment.")
    Path credentialsDir;

    @Option(names = "--dry-run", description = "Print the plan as a diff and change nothing.")
    boolean dryRun;

    @Option(names = "--prune", description = "Also remove ACLs of managed principals that the policy does not give.")
    boolean prune;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            CommonConfig settings = admin.settings();
            AccessPolicy policy = admin.policy(settings);
            var adminProperties = admin.adminProperties(settings);
            String protocol = String.valueOf(adminProperties.getOrDefault("security.protocol", "SASL_SSL"));
            try (Admin client = Admin.create(adminProperties)) {
                Provisioner provisioner = new Provisioner(client, policy,
                        Provisioner.topicsOf(settings.topicPlan(), policy),
                        new ScramCredentials(credentialsDir, System.getenv()), protocol);
                ProvisionPlan plan = provisioner.plan(prune);
                plan.diff().forEach(out::println);
                if (plan.isEmpty()) {
                    out.println("Nothing to change: topics, users and ACLs match the policy.");
                    return 0;
                }
                if (dryRun) {
                    out.println("Dry run: nothing changed.");
                    return 0;
                }
                List<Path> written = provisioner.apply(plan);
                out.printf("Provisioned: %d topics, %d users, %d ACLs added, %d removed.%n",
                        plan.topicsToCreate().size(), plan.usersToCreate().size(), plan.aclsToAdd().size(),
                        plan.aclsToRemove().size());
                written.forEach(file -> out.println("Client settings written (mode 0600): " + file));
                return 0;
            }
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("tenants provision failed: " + e.getMessage());
            return 1;
        }
    }
}
