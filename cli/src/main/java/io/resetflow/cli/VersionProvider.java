package io.resetflow.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ResetFlowCli.class.getPackage().getImplementationVersion();
        return new String[] {"resetflow " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version")};
    }
}
