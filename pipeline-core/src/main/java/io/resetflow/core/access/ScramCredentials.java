package io.resetflow.core.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where SCRAM passwords come from and go to. A password is read from {@code <dir>/<user>.password}
 * or the environment ({@code RESETFLOW_SCRAM_PASSWORD_<USER>}, upper case, '-' as '_'), or generated;
 * a generated one is written once, with the client settings around it, to
 * {@code <dir>/<user>.properties}, readable by its owner only, and never printed.
 */
public final class ScramCredentials {

    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

    private final Path dir;
    private final Map<String, String> env;

    public ScramCredentials(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    /**
     * The password given for the user, if any: its password file, its environment variable, or the
     * client settings an earlier run wrote (so a run that stopped half-way is finished with the same).
     */
    public Optional<String> given(String user) {
        Path file = dir.resolve(user + ".password");
        try {
            if (Files.isReadable(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            if (env.containsKey(envName(user))) {
                return Optional.of(env.get(envName(user)));
            }
            Path written = propertiesFile(user);
            if (Files.isReadable(written)) {
                Properties settings = new Properties();
                try (var reader = Files.newBufferedReader(written, StandardCharsets.UTF_8)) {
                    settings.load(reader);
                }
                Matcher password = JAAS_PASSWORD.matcher(settings.getProperty("sasl.jaas.config", ""));
                return password.find() ? Optional.of(password.group(1)) : Optional.empty();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password of " + user + " in " + dir, e);
        }
    }

    /** Whether the password came from this tool's own earlier run rather than the operator. */
    public boolean written(String user) {
        return Files.exists(propertiesFile(user));
    }

    public static String envName(String user) {
        return "RESETFLOW_SCRAM_PASSWORD_" + user.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the user's client settings (mode 0600 from its creation); refuses to overwrite. */
    public Path writeClientProperties(String user, String password, String securityProtocol) {
        Properties properties = clientProperties(user, password, securityProtocol);
        Path file = propertiesFile(user);
        try {
            Files.createDirectories(dir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(writer, "Kafka client settings of " + user + "; keep this file secret");
            }
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " exists already: its user is provisioned with that password", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The user's password file, generated (mode 0600) when there is none: for a super user that must
     * exist before the cluster does, such as the one a broker is formatted with.
     */
    public String passwordFileOrCreate(String user) {
        Path file = dir.resolve(user + ".password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, generate(), StandardCharsets.US_ASCII);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    public Path propertiesFile(String user) {
        return dir.resolve(user + ".properties");
    }

    public static Properties clientProperties(String user, String password, String securityProtocol) {
        if (user.contains("\"") || password.contains("\"") || password.contains("\\")) {
            throw new IllegalArgumentException("a SCRAM user name or password must not contain \" or \\");
        }
        Properties properties = new Properties();
        properties.setProperty("security.protocol", securityProtocol);
        properties.setProperty("sasl.mechanism", MECHANISM);
        properties.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        return properties;
    }
}
