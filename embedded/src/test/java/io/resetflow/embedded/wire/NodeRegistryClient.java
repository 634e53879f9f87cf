package io.resetflow.embedded.wire;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Confluent's JavaScript registry client ({@code @kafkajs/confluent-schema-registry}) from the
 * committed package-lock, installing it with {@code npm ci} on first use. Without Node.js the
 * calling test is skipped with a notice.
 */
final class NodeRegistryClient {

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-compat");

    private NodeRegistryClient() {
    }

    static void requireNodeAndInstall() throws IOException, InterruptedException {
        boolean available = succeeds(List.of("node", "--version"), Path.of(".")) && succeeds(List.of("npm", "--version"), Path.of("."));
        if (!available) {
            System.err.println("NOTICE: Node.js/npm not found: the Confluent JavaScript client compatibility test is SKIPPED. "
                    + "Install Node.js 18+ (CI's .ci/run does) to run it.");
        }
        assumeTrue(available, "Node.js and npm are needed for the Confluent JavaScript client compatibility test");
        Files.createDirectories(WORK);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), WORK, 300);
        }
    }

    static String call(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "compat.js"));
        command.addAll(List.of(args));
        return run(command, WORK, 60);
    }

    static Path work() {
        return WORK;
    }

    private static boolean succeeds(List<String> command, Path dir) {
        try {
            run(command, dir, 30);
            return true;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return false;
        }
    }

    private static String run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("node-", ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(errors.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String stderr = Files.readString(errors);
        Files.deleteIfExists(errors);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + stderr);
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }
}
