package io.resetflow.tracker.topology;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RejectReason;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks an ISP's reset event and names its mailbox: the tenant must be the one owning the topic it
 * came on, the change must be later than the breach cut-off, and a mailbox given by address is mapped
 * to its id (normalized, HMAC under the deployment secret) — the address goes no further.
 */
public final class ResetEventResolver {

    private final Tenants tenants;
    private final MailboxIds mailboxIds;
    private final Instant breachCutoff;

    public ResetEventResolver(Tenants tenants, MailboxIds mailboxIds, Instant breachCutoff) {
        this.tenants = tenants;
        this.mailboxIds = mailboxIds;
        this.breachCutoff = breachCutoff;
    }

    public sealed interface Result {
    }

    /** The event keyed by its mailbox, without the address. */
    public record Resolved(String mailboxId, PasswordResetEvent event) implements Result {
    }

    public record Refused(RejectReason reason, String detail) implements Result {
    }

    public Result resolve(PasswordResetEvent event, String topicTenant) {
        if (!topicTenant.equals(event.getTenant())) {
            return new Refused(RejectReason.TENANT_DOMAIN_MISMATCH,
                    "event names tenant " + event.getTenant() + " but came on " + topicTenant + "'s topic");
        }
        if (!event.getChangedAt().isAfter(breachCutoff)) {
            return new Refused(RejectReason.RESET_BEFORE_CUTOFF,
                    "password changed at " + event.getChangedAt() + ", not after the breach cut-off " + breachCutoff);
        }
        if (event.getMailboxId() != null && !event.getMailboxId().isBlank()) {
            return resolved(event.getMailboxId(), event);
        }
        if (event.getAddress() == null || event.getAddress().isBlank()) {
            return new Refused(RejectReason.MISSING_ADDRESS, "event names neither a mailboxId nor an address");
        }
        Optional<String> address = AddressNormalizer.normalizeValid(event.getAddress());
        if (address.isEmpty()) {
            return new Refused(RejectReason.INVALID_ADDRESS, "address is not a valid mailbox address");
        }
        Optional<Tenant> owner = tenants.byDomain(AddressNormalizer.domainOf(address.get()));
        if (owner.isEmpty() || !owner.get().id().equals(topicTenant)) {
            return new Refused(RejectReason.TENANT_DOMAIN_MISMATCH,
                    "address domain is not one of " + topicTenant + "'s domains");
        }
        return resolved(mailboxIds.of(address.get()), event);
    }

    private static Resolved resolved(String mailboxId, PasswordResetEvent event) {
        PasswordResetEvent keyed = PasswordResetEvent.newBuilder(event).setMailboxId(mailboxId).setAddress(null).build();
        return new Resolved(mailboxId, keyed);
    }
}
