package io.resetflow.tracker.reconcile;

import io.resetflow.avro.RemediationState;
import java.io.PrintWriter;
import java.util.Map;

/** The reconciliation for people: one line per tenant, the totals, the verdict and the first mismatches. */
public final class ReconcileTable {

    private static final int SHOWN = 20;
    private static final String ROW = "%-12s %11s %11s %11s %11s %11s %9s %9s %-14s%n";

    private ReconcileTable() {
    }

    public static void print(ReconcileResult result, PrintWriter out) {
        out.printf("Reconciled to %s (campaign time %s) in %.1f s: %,d mailboxes, %,d records read%n",
                result.reconciledTo(), result.campaignTime(), result.took().toMillis() / 1000.0, result.mailboxes(),
                result.recordsRead());
        IntakeFigures intake = result.intake();
        if (!intake.rowsChecked()) {
            out.printf("Rows not checked (mailboxes written to remediation.intake directly): %,d accepted%n",
                    intake.accepted());
        } else {
            out.printf("Rows %,d = accepted %,d + duplicates %,d + rejected %,d + unreadable %,d + pending %,d: %s%n",
                    intake.rowsRead(), intake.accepted(), intake.duplicates(), intake.invalid(), intake.unreadableRows(),
                    intake.pendingAtIntake(), intake.rowsAddUp() ? "adds up" : "DOES NOT ADD UP");
        }
        out.printf(ROW, "tenant", "accepted", "tracked", "remediated", "escalated", "open", "pending", "in flight",
                "counters");
        for (Map.Entry<String, TenantRecount> entry : result.tenants().entrySet()) {
            TenantRecount t = entry.getValue();
            CounterCheck check = result.counters().get(entry.getKey());
            out.printf(ROW, entry.getKey(), n(t.accepted()), n(t.tracked()), n(t.remediated()),
                    n(t.state(RemediationState.ESCALATED)), n(t.commandsOpen()),
                    n(t.pendingAtIntake() + t.pendingAtTracker()), n(t.noticesInFlight()),
                    check == null ? "-" : check.verdict().name());
        }
        out.printf(ROW, "all", n(result.total(TenantRecount::accepted)), n(result.total(TenantRecount::tracked)),
                n(result.total(TenantRecount::remediated)), n(result.total(t -> t.state(RemediationState.ESCALATED))),
                n(result.total(TenantRecount::commandsOpen)),
                n(result.total(t -> t.pendingAtIntake() + t.pendingAtTracker())),
                n(result.total(TenantRecount::noticesInFlight)), "");
        if (result.clean()) {
            out.println("CLEAN: every accepted mailbox is in exactly one state, every notice through the notifier "
                    + "has one final outcome, every command is answered, followed up or escalated.");
            return;
        }
        out.printf("%,d MISMATCHES:%n", result.mismatchCount());
        result.mismatchesByKind().forEach((kind, count) ->
                out.printf("  %-26s %,11d  %s%n", kind, count, kind.meaning()));
        result.mismatches().stream().limit(SHOWN).forEach(m -> out.printf("  %s %s %s: %s%n", m.kind(),
                m.tenant() == null ? "-" : m.tenant(), m.mailboxId() == null ? "-" : m.mailboxId(), m.detail()));
        if (result.mismatchCount() > SHOWN) {
            out.printf("  ... %,d more (see the JSON file)%n", result.mismatchCount() - SHOWN);
        }
    }

    private static String n(long value) {
        return String.format("%,d", value);
    }
}
