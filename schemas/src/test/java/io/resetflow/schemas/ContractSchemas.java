package io.resetflow.schemas;

import io.resetflow.avro.AffectedAccount;
import io.resetflow.avro.BreachRow;
import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.TenantProgress;
import java.util.List;
import org.apache.avro.Schema;

/** The top-level records of the contract: every one of them is a topic's value. */
final class ContractSchemas {

    static final List<Schema> ALL = List.of(BreachRow.getClassSchema(), AffectedAccount.getClassSchema(),
            RejectedRow.getClassSchema(), IntakeRecord.getClassSchema(), NotificationRequest.getClassSchema(),
            DeliveryOutcome.getClassSchema(), PasswordResetEvent.getClassSchema(), IspCommand.getClassSchema(),
            RemediationStatus.getClassSchema(), TenantProgress.getClassSchema(), DeadLetter.getClassSchema());

    private ContractSchemas() {
    }
}
