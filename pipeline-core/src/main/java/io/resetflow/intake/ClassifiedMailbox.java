package io.resetflow.intake;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.AffectedAccount;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.Priority;

/** An accepted mailbox with its priority, in the two shapes intake publishes. */
public record ClassifiedMailbox(AffectedAccount ispView, IntakeRecord intake) {

    public static ClassifiedMailbox of(AcceptedMailbox accepted) {
        var row = accepted.row();
        AccountLifecycle lifecycle = AccountLifecycle.valueOf(row.getLifecycle());
        CredentialStorage storage = CredentialStorage.valueOf(row.getCredentialStorage());
        Priority priority = PriorityRule.of(lifecycle, storage);
        AffectedAccount ispView = AffectedAccount.newBuilder()
                .setMailboxId(accepted.mailboxId())
                .setTenant(row.getTenant())
                .setAddress(row.getAddress())
                .setBrand(row.getBrand())
                .setLifecycle(lifecycle)
                .setCredentialStorage(storage)
                .setPriority(priority)
                .setHasContactAddress(row.getContactAddress() != null)
                .setAccountId(row.getAccountId())
                .setSource(row.getSource())
                .setAcceptedAt(accepted.acceptedAt())
                .build();
        IntakeRecord intake = IntakeRecord.newBuilder()
                .setMailboxId(accepted.mailboxId())
                .setTenant(row.getTenant())
                .setBrand(row.getBrand())
                .setAddress(row.getAddress())
                .setContactAddress(row.getContactAddress())
                .setLifecycle(lifecycle)
                .setCredentialStorage(storage)
                .setPriority(priority)
                .setAcceptedAt(accepted.acceptedAt())
                .setAccountId(row.getAccountId())
                .build();
        return new ClassifiedMailbox(ispView, intake);
    }
}
