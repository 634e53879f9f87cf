package io.resetflow.local;

import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's API tokens, made on the first start into {@code <data-dir>/credentials}: one for
 * operations (the dashboard's sign-in), one per ISP's staff, and the hashes of all of them in the
 * tokens file the tracker and notifier read. Each token file is readable by its owner only.
 */
final class LocalApiTokens {

    static final String TOKENS_FILE = "api-tokens";
    static final String OPERATIONS = "operations";

    private final Path dir;

    LocalApiTokens(Path credentialsDir) {
        this.dir = credentialsDir;
    }

    /** Makes the tokens unless an earlier start did; returns the tokens file. */
    Path loadOrCreate(List<String> tenants) {
        Path file = dir.resolve(TOKENS_FILE);
        if (Files.exists(file)) {
            return file;
        }
        List<String> lines = new ArrayList<>();
        lines.add(ApiTokens.line(Caller.operations("local-operator"), write(OPERATIONS)));
        for (String tenant : tenants) {
            lines.add(ApiTokens.line(Caller.ofTenant("local-" + tenant + "-staff", tenant), write("tenant-" + tenant)));
        }
        ownerOnly(dir.resolve(TOKENS_FILE + ".tmp"), String.join("\n", lines) + "\n");
        try {
            Files.move(dir.resolve(TOKENS_FILE + ".tmp"), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** The file holding a token: {@code operations.token} or {@code tenant-<id>.token}. */
    Path tokenFile(String holder) {
        return dir.resolve(holder + ".token");
    }

    String token(String holder) {
        try {
            return Files.readString(tokenFile(holder), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tokenFile(holder), e);
        }
    }

    private String write(String holder) {
        String token = ApiTokens.newToken();
        ownerOnly(tokenFile(holder), token + "\n");
        return token;
    }

    private static void ownerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
