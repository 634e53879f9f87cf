package io.resetflow.bench.tracker;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.ResetActor;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.intake.PriorityRule;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mailbox number i of the benchmark, derived from i alone: tenant by the tenants' shares, a realistic
 * lifecycle and storage mix (some former accounts), and whether the ISP reports a reset for it. Nothing
 * is kept per mailbox, so the load generator can pick a random known mailbox at any scale.
 */
final class SyntheticMailboxes {

    /** One generated mailbox; {@code resets} says whether the ISP reports a password change for it. */
    record Mailbox(long index, Tenant tenant, String address, AccountLifecycle lifecycle, CredentialStorage storage,
                   String brand, boolean hasContact, boolean resets) {

        boolean isFormer() {
            return lifecycle == AccountLifecycle.FORMER;
        }

        /** Still open after the resets, so its first reminder comes due. */
        boolean awaitsReminder() {
            return !isFormer() && !resets;
        }
    }

    private final List<Tenant> tenants;
    private final double[] cumulativeShare;
    private final MailboxIds mailboxIds;
    private final double resetShare;

    SyntheticMailboxes(Tenants tenants, MailboxIds mailboxIds, double resetShare) {
        this.tenants = List.copyOf(tenants.all());
        this.cumulativeShare = new double[this.tenants.size()];
        double total = this.tenants.stream().mapToDouble(Tenant::share).sum();
        double sum = 0;
        for (int t = 0; t < this.tenants.size(); t++) {
            sum += total > 0 ? this.tenants.get(t).share() / total : 1.0 / this.tenants.size();
            cumulativeShare[t] = sum;
        }
        this.mailboxIds = mailboxIds;
        this.resetShare = resetShare;
    }

    Mailbox at(long index) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + 17);
        Tenant tenant = tenant(random.nextDouble());
        String domain = tenant.domains().get(random.nextInt(tenant.domains().size()));
        String brand = random.nextInt(5) == 0 ? null : tenant.brands().get(random.nextInt(tenant.brands().size()));
        return new Mailbox(index, tenant, "member" + index + "@" + domain, lifecycle(random.nextInt(100)),
                storage(random.nextInt(100)), brand, random.nextInt(100) < 35, random.nextDouble() < resetShare);
    }

    String mailboxId(Mailbox mailbox) {
        return mailboxIds.of(mailbox.address());
    }

    IntakeRecord intake(Mailbox mailbox, String mailboxId, Instant acceptedAt) {
        return IntakeRecord.newBuilder().setMailboxId(mailboxId).setTenant(mailbox.tenant().id())
                .setBrand(mailbox.brand()).setAddress(mailbox.address())
                .setContactAddress(mailbox.hasContact() ? "contact" + mailbox.index() + "@example.jp" : null)
                .setLifecycle(mailbox.lifecycle()).setCredentialStorage(mailbox.storage())
                .setPriority(PriorityRule.of(mailbox.lifecycle(), mailbox.storage())).setAcceptedAt(acceptedAt).build();
    }

    PasswordResetEvent reset(Mailbox mailbox, String mailboxId, Instant changedAt) {
        return PasswordResetEvent.newBuilder().setEventId("bench-reset-" + mailbox.index())
                .setTenant(mailbox.tenant().id()).setMailboxId(mailboxId).setChangedAt(changedAt)
                .setActor(mailbox.index() % 10 == 0 ? ResetActor.OPERATOR : ResetActor.CUSTOMER).build();
    }

    private Tenant tenant(double draw) {
        for (int t = 0; t < cumulativeShare.length - 1; t++) {
            if (draw < cumulativeShare[t]) {
                return tenants.get(t);
            }
        }
        return tenants.get(tenants.size() - 1);
    }

    private static AccountLifecycle lifecycle(int percent) {
        if (percent < 78) {
            return AccountLifecycle.ACTIVE;
        }
        if (percent < 92) {
            return AccountLifecycle.INACTIVE;
        }
        return percent < 98 ? AccountLifecycle.FORMER : AccountLifecycle.UNKNOWN_LIFECYCLE;
    }

    private static CredentialStorage storage(int percent) {
        if (percent < 25) {
            return CredentialStorage.PLAINTEXT;
        }
        if (percent < 90) {
            return CredentialStorage.HASHED;
        }
        return percent < 98 ? CredentialStorage.ENCRYPTED : CredentialStorage.UNKNOWN;
    }
}
