package io.resetflow.embedded;

import java.util.Objects;

/** A SCRAM-SHA-512 user name and password, as the broker and its clients need them. */
public record ScramUser(String name, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    public ScramUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isBlank() || name.contains(",") || name.contains("]") || password.contains(",")
                || password.contains("]") || name.contains("\"") || password.contains("\"")) {
            throw new IllegalArgumentException("SCRAM user name and password must not be blank nor contain , ] or \"");
        }
    }

    /** The JAAS line a client (or the broker itself) logs in with. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                + "\" password=\"" + password + "\";";
    }

    /** The argument {@code kafka-storage format --add-scram} takes to create this user at format time. */
    String formatterArgument() {
        return MECHANISM + "=[name=" + name + ",password=" + password + "]";
    }

    @Override
    public String toString() {
        return "ScramUser[name=" + name + ", password=***]";
    }
}
