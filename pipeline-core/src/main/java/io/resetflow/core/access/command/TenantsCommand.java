package io.resetflow.core.access.command;

import picocli.CommandLine.Command;

/** {@code resetflow tenants}: each ISP's topics, SCRAM user and ACLs on the cluster. */
@Command(name = "tenants", mixinStandardHelpOptions = true,
        description = "Provisions and audits the tenants' topics, SCRAM users and ACLs.",
        subcommands = {TenantsProvisionCommand.class, TenantsAuditCommand.class})
public final class TenantsCommand {
}
