package io.resetflow.core.access;

/** One way the cluster's ACLs or users differ from the policy, or reach further than it. */
public record Finding(Kind kind, String principal, String detail) {

    public enum Kind {
        /** A managed user has no SCRAM credential on the cluster. */
        MISSING_USER,
        /** An allow of the policy is not on the cluster: a service or ISP cannot do its work. */
        MISSING_ALLOW,
        /** A deny of the policy is not on the cluster: a later over-broad allow would not be stopped. */
        MISSING_DENY,
        /** A managed principal holds an ACL the policy does not give it. */
        UNEXPECTED,
        /** An allow on the literal resource {@code *}, or for every principal ({@code User:*}). */
        WILDCARD,
        /** An allow outside the policy that reaches a tenant's topics, groups or transactional ids. */
        REACHES_TENANT
    }

    @Override
    public String toString() {
        return kind + " " + principal + ": " + detail;
    }
}
