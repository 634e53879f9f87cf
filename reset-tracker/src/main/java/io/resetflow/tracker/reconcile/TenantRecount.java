package io.resetflow.tracker.reconcile;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import java.util.LinkedHashMap;
import java.util.Map;

/** One tenant's figures, recounted mailbox by mailbox from the topics (not from any counter). */
public final class TenantRecount {

    private final String tenant;
    long validRows;
    long duplicates;
    long accepted;
    long tracked;
    long remediated;
    long pendingAtIntake;
    long pendingAtTracker;
    long noticesInFlight;
    long commandsOpen;
    long commandsCancelled;
    long commandsReissued;
    final long[] byLifecycle = new long[AccountLifecycle.values().length];
    final long[] byStorage = new long[CredentialStorage.values().length];
    final long[] remediatedByLifecycle = new long[AccountLifecycle.values().length];
    final long[] remediatedByStorage = new long[CredentialStorage.values().length];
    final long[] byState = new long[RemediationState.values().length];
    final long[][] byStateReason = new long[RemediationState.values().length][StateReason.values().length];
    final long[] noticesRequested = new long[NoticeKind.values().length];
    final long[][] noticesFinal = new long[NoticeKind.values().length][DeliveryStatus.values().length];
    final long[][] deliveries = new long[RecipientChannel.values().length][DeliveryStatus.values().length];
    final long[] commandsIssued = new long[IspAction.values().length];
    final long[] answers = new long[CommandAnswerKind.values().length];

    TenantRecount(String tenant) {
        this.tenant = tenant;
    }

    /** Every tenant's figures added up, under one name. */
    public static TenantRecount sum(String name, java.util.Collection<TenantRecount> tenants) {
        TenantRecount all = new TenantRecount(name);
        for (TenantRecount t : tenants) {
            all.validRows += t.validRows;
            all.duplicates += t.duplicates;
            all.accepted += t.accepted;
            all.tracked += t.tracked;
            all.remediated += t.remediated;
            all.pendingAtIntake += t.pendingAtIntake;
            all.pendingAtTracker += t.pendingAtTracker;
            all.noticesInFlight += t.noticesInFlight;
            all.commandsOpen += t.commandsOpen;
            all.commandsCancelled += t.commandsCancelled;
            all.commandsReissued += t.commandsReissued;
            add(all.byLifecycle, t.byLifecycle);
            add(all.byStorage, t.byStorage);
            add(all.remediatedByLifecycle, t.remediatedByLifecycle);
            add(all.remediatedByStorage, t.remediatedByStorage);
            add(all.byState, t.byState);
            add(all.noticesRequested, t.noticesRequested);
            add(all.commandsIssued, t.commandsIssued);
            add(all.answers, t.answers);
            for (int i = 0; i < all.byStateReason.length; i++) {
                add(all.byStateReason[i], t.byStateReason[i]);
            }
            for (int i = 0; i < all.noticesFinal.length; i++) {
                add(all.noticesFinal[i], t.noticesFinal[i]);
            }
            for (int i = 0; i < all.deliveries.length; i++) {
                add(all.deliveries[i], t.deliveries[i]);
            }
        }
        return all;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    public String tenant() {
        return tenant;
    }

    public long validRows() {
        return validRows;
    }

    public long duplicates() {
        return duplicates;
    }

    public long accepted() {
        return accepted;
    }

    /** Mailboxes with a state on the tenant's status topic. */
    public long tracked() {
        return tracked;
    }

    public long remediated() {
        return remediated;
    }

    public long pendingAtIntake() {
        return pendingAtIntake;
    }

    public long pendingAtTracker() {
        return pendingAtTracker;
    }

    public long noticesInFlight() {
        return noticesInFlight;
    }

    public long commandsOpen() {
        return commandsOpen;
    }

    public long commandsCancelled() {
        return commandsCancelled;
    }

    public long commandsReissued() {
        return commandsReissued;
    }

    public long state(RemediationState state) {
        return byState[state.ordinal()];
    }

    public Map<String, Long> byState() {
        return named(RemediationState.values(), byState);
    }

    /** Per state, the count of each reason it was reached for (only the reasons that occur). */
    public Map<String, Map<String, Long>> byStateAndReason() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (RemediationState state : RemediationState.values()) {
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (StateReason reason : StateReason.values()) {
                long n = byStateReason[state.ordinal()][reason.ordinal()];
                if (n > 0) {
                    reasons.put(reason.name(), n);
                }
            }
            if (!reasons.isEmpty()) {
                out.put(state.name(), reasons);
            }
        }
        return out;
    }

    public Map<String, Long> byLifecycle() {
        return named(AccountLifecycle.values(), byLifecycle);
    }

    public Map<String, Long> remediatedByLifecycle() {
        return named(AccountLifecycle.values(), remediatedByLifecycle);
    }

    public Map<String, Long> byCredentialStorage() {
        return named(CredentialStorage.values(), byStorage);
    }

    public Map<String, Long> remediatedByCredentialStorage() {
        return named(CredentialStorage.values(), remediatedByStorage);
    }

    public Map<String, Long> noticesRequested() {
        return named(NoticeKind.values(), noticesRequested);
    }

    public Map<String, Map<String, Long>> noticesByOutcome() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (NoticeKind kind : NoticeKind.values()) {
            out.put(kind.name(), named(DeliveryStatus.values(), noticesFinal[kind.ordinal()]));
        }
        return out;
    }

    public Map<String, Map<String, Long>> deliveriesByChannel() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (RecipientChannel channel : RecipientChannel.values()) {
            out.put(channel.name(), named(DeliveryStatus.values(), deliveries[channel.ordinal()]));
        }
        return out;
    }

    public Map<String, Long> commandsIssued() {
        return named(IspAction.values(), commandsIssued);
    }

    public Map<String, Long> answers() {
        return named(CommandAnswerKind.values(), answers);
    }

    private static Map<String, Long> named(Enum<?>[] names, long[] counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Enum<?> name : names) {
            out.put(name.name(), counts[name.ordinal()]);
        }
        return out;
    }
}
