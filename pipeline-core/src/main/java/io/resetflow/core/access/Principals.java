package io.resetflow.core.access;

import java.util.List;
import java.util.Optional;

/**
 * The SCRAM principals ResetFlow manages: one per ISP ({@code isp-<tenant>}) and one per service.
 * Kafka names a SCRAM principal {@code User:<name>}.
 */
public final class Principals {

    public static final String INTAKE = "resetflow-intake";
    public static final String TRACKER = "resetflow-tracker";
    public static final String NOTIFIER = "resetflow-notifier";
    public static final String IMPORT = "resetflow-import";
    public static final String OPERATIONS = "resetflow-operations";
    public static final List<String> SERVICES = List.of(INTAKE, TRACKER, NOTIFIER, IMPORT, OPERATIONS);

    private static final String ISP_PREFIX = "isp-";
    private static final String USER = "User:";

    private Principals() {
    }

    public static String isp(String tenant) {
        return ISP_PREFIX + tenant;
    }

    /** The tenant an ISP principal's user name belongs to. */
    public static Optional<String> tenantOf(String userName) {
        return userName.startsWith(ISP_PREFIX) ? Optional.of(userName.substring(ISP_PREFIX.length()))
                : Optional.empty();
    }

    /** {@code User:<name>}, as ACLs name a principal. */
    public static String user(String name) {
        return USER + name;
    }

    /** The user name of a {@code User:} principal; empty for other principal types or the wildcard. */
    public static Optional<String> userName(String principal) {
        return principal.startsWith(USER) && !principal.equals(USER + "*")
                ? Optional.of(principal.substring(USER.length())) : Optional.empty();
    }
}
