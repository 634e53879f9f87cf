package io.resetflow.local;

import io.resetflow.core.topic.TopicNames;
import java.nio.file.Path;

/** The command line the console prints so a newcomer reads one ISP's topic as that ISP. */
final class IspConsoleCommand {

    private IspConsoleCommand() {
    }

    static String forTenant(String tenant, String bootstrapServers, Path clientConfig,
                            String registryUrl) {
        return "bin/resetflow isp consume --tenant " + tenant + " --topic " + TopicNames.REMEDIATION_STATUS
                + " --from-beginning --bootstrap-server " + bootstrapServers + " --client-config " + clientConfig
                + " --schema-registry " + registryUrl;
    }
}
