package io.resetflow.intake;

import picocli.CommandLine.Command;

/** {@code resetflow topics}: topic administration. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Topic administration.",
        subcommands = TopicsCreateCommand.class)
public final class TopicsCommand {
}
