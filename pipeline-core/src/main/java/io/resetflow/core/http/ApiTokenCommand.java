package io.resetflow.core.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow api token}: makes an API token, prints it once for its holder, and adds only its
 * hash to the tokens file the services read.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Makes an API token: prints it once and adds its hash to the tokens file.")
public final class ApiTokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, description = "Who holds it (shown in the audit log).")
    String name;

    @Option(names = "--role", required = true, description = "operations, service or tenant:<id>.")
    String role;

    @Option(names = "--tokens-file", paramLabel = "FILE",
            description = "Tokens file (http.tokens.file) to add the hash to; without it the line is printed.")
    Path tokensFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Caller caller;
        try {
            caller = Caller.parse(name, role);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("api token: " + e.getMessage());
            return 2;
        }
        String token = ApiTokens.newToken();
        String line = ApiTokens.line(caller, token);
        if (tokensFile == null) {
            out.println("Token (shown once): " + token);
            out.println("Tokens-file line:   " + line);
            return 0;
        }
        try {
            if (!Files.exists(tokensFile)) {
                Files.createFile(tokensFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tokensFile, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            spec.commandLine().getErr().println("api token: cannot write " + tokensFile + ": " + e.getMessage());
            return 1;
        }
        out.println("Token (shown once): " + token);
        out.println("Its hash was added to " + tokensFile + " for " + caller.name() + " (" + caller.roleText() + ")");
        return 0;
    }

    /** {@code resetflow api}. */
    @Command(name = "api", mixinStandardHelpOptions = true, description = "Operations API administration.",
            subcommands = ApiTokenCommand.class)
    public static final class Api {
    }
}
