package io.resetflow.core.http;

/** What a caller of the operations API may do. */
public enum ApiRole {
    /** The operations team: every tenant, the address lookup, pause, resume and re-drive. */
    OPERATIONS,
    /** One ISP's staff: its own tenant's data, read-only. */
    TENANT,
    /** Another ResetFlow instance forwarding a caller's question; acts with that caller's rights. */
    SERVICE
}
