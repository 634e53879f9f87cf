package io.resetflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A user's mistake (bad file, unknown tenant, unreachable broker) is one clear line and a non-zero
 * exit code; the stack trace only with RESETFLOW_DEBUG=1.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        String name = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(name + ": error: " + describe(error));
        if (System.getenv("RESETFLOW_DEBUG") != null) {
            error.printStackTrace(commandLine.getErr());
        }
        return error instanceof IllegalArgumentException ? USER_ERROR : FAILURE;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
