package io.resetflow.core.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens a service accepts, held only as SHA-256 hashes. One token per line:
 * {@code <name> <role> <sha256>}, the role {@code operations}, {@code service} or
 * {@code tenant:<id>}; {@code #} starts a comment. A presented token is hashed and compared with
 * every entry in constant time, so neither the answer nor its timing tells how close a guess was.
 */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Caller caller, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiTokens parse(String text, String origin) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\\R|;")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(origin + " entry " + number + ": expected <name> <role> <sha256>");
            }
            byte[] hash;
            try {
                hash = Base64.getUrlDecoder().decode(fields[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + " entry " + number + ": the hash is not base64url");
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException(origin + " entry " + number + ": the hash is not a SHA-256");
            }
            try {
                entries.add(new Entry(Caller.parse(fields[0], fields[1]), hash));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + " entry " + number + ": " + e.getMessage());
            }
        }
        return new ApiTokens(entries);
    }

    public static ApiTokens read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API tokens file " + file, e);
        }
    }

    /** These tokens and the other's. */
    public ApiTokens with(ApiTokens other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new ApiTokens(all);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<Caller> authenticate(String token) {
        byte[] presented = hash(token);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random token: 32 bytes, base64url. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The tokens-file line that accepts the token for the caller. */
    public static String line(Caller caller, String token) {
        return caller.name() + " " + caller.roleText() + " " + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hash(token));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
