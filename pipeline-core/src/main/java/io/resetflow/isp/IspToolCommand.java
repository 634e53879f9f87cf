package io.resetflow.isp;

import picocli.CommandLine.Command;

/** {@code resetflow isp}: what an ISP runs against its own topics, with its own credentials. */
@Command(name = "isp", mixinStandardHelpOptions = true,
        description = "Tools for an ISP's own topics, run with the ISP's own credentials.",
        subcommands = IspConsumeCommand.class)
public final class IspToolCommand {
}
