package io.resetflow.core.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.Objects;
import java.util.Optional;

/** Who is asking: the token's name, its role, and for a tenant role the one tenant it may see. */
public record Caller(String name, ApiRole role, Optional<String> tenant) {

    static final String ATTRIBUTE = "resetflow.caller";

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        tenant = tenant == null ? Optional.empty() : tenant;
        if ((role == ApiRole.TENANT) != tenant.isPresent()) {
            throw new IllegalArgumentException("a tenant role names exactly one tenant; other roles none");
        }
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("a caller name is 1-64 letters, digits or ._@-");
        }
    }

    public static Caller operations(String name) {
        return new Caller(name, ApiRole.OPERATIONS, Optional.empty());
    }

    public static Caller ofTenant(String name, String tenant) {
        return new Caller(name, ApiRole.TENANT, Optional.of(tenant));
    }

    /** The caller the access filter authenticated for this request. */
    public static Caller of(HttpExchange exchange) {
        Object caller = exchange.getAttribute(ATTRIBUTE);
        if (caller instanceof Caller known) {
            return known;
        }
        throw new IllegalStateException("no authenticated caller: the handler is not behind the access filter");
    }

    public boolean isOperations() {
        return role == ApiRole.OPERATIONS;
    }

    /** Whether the caller may see the tenant's data. */
    public boolean mayRead(String tenantId) {
        return role == ApiRole.OPERATIONS || tenant.filter(tenantId::equals).isPresent();
    }

    /** The role as the tokens file and the forwarding header spell it: operations, service or tenant:<id>. */
    public String roleText() {
        return role == ApiRole.TENANT ? "tenant:" + tenant.orElseThrow() : role.name().toLowerCase(java.util.Locale.ROOT);
    }

    static Caller parse(String name, String roleText) {
        if (roleText.startsWith("tenant:")) {
            return ofTenant(name, roleText.substring("tenant:".length()));
        }
        return switch (roleText) {
            case "operations" -> operations(name);
            case "service" -> new Caller(name, ApiRole.SERVICE, Optional.empty());
            default -> throw new IllegalArgumentException("role must be operations, service or tenant:<id>, not "
                    + roleText);
        };
    }
}
