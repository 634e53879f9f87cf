package io.resetflow.tracker.topology;

import io.resetflow.core.tenant.QuietHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.domain.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerTopologyTest {

    @TempDir
    Path stateDir;

    private TrackerDriver tracker;

    private TrackerDriver start(Map<String, Object> overrides) {
        tracker = new TrackerDriver(stateDir, overrides);
        return tracker;
    }

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void campaignRunsFromNoticeThroughRemindersToForceResetOverTwoWeeks() {
        TrackerDriver t = start(Map.of());

        // Day 0, 10:00 Tokyo: accepted and notified at once.
        t.accept("MBX-A");
        NotificationRequest initial = single(t.drainNotices());
        t.delivered(initial, DeliveryStatus.SENT);
        // Day 3: first reminder; day 7: second.
        t.advance(Duration.ofDays(3));
        NotificationRequest first = single(t.drainNotices());
        t.delivered(first, DeliveryStatus.SENT);
        t.advance(Duration.ofDays(4));
        NotificationRequest second = single(t.drainNotices());
        t.delivered(second, DeliveryStatus.SENT);
        // Day 14: deadline, a state of its own; on the next tick the ISP is told to force a reset and the
        // customer gets the final notice.
        t.advance(Duration.ofDays(7));
        RemediationState atTheDeadline = current(t, "MBX-A").getState();
        long deadlinePassedCount = t.counter("nifty", "state|DEADLINE_PASSED");
        t.advance(Duration.ofSeconds(1));
        List<IspCommand> commands = t.commands("nifty").readValuesToList();
        NotificationRequest last = single(t.drainNotices());
        t.reset("nifty", "MBX-A", ResetActor.FORCED, t.now());
        t.advance(Duration.ofSeconds(1));

        assertThat(atTheDeadline).isEqualTo(RemediationState.DEADLINE_PASSED);
        assertThat(deadlinePassedCount).isEqualTo(1);
        assertThat(initial.getKind()).isEqualTo(NoticeKind.INITIAL_NOTICE);
        assertThat(initial.getNotificationId()).isEqualTo("MBX-A.initial-notice.0");
        assertThat(initial.getDeadline()).isEqualTo(TrackerDriver.START.plus(Duration.ofDays(14)));
        assertThat(first.getKind()).isEqualTo(NoticeKind.REMINDER);
        assertThat(first.getSequence()).isEqualTo(1);
        assertThat(first.getRequestedAt()).isEqualTo(TrackerDriver.START.plus(Duration.ofDays(3)));
        assertThat(second.getSequence()).isEqualTo(2);
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.getAction()).isEqualTo(IspAction.FORCE_PASSWORD_RESET);
            assertThat(c.getReason()).isEqualTo(StateReason.DEADLINE_REACHED);
            assertThat(c.getCommandId()).isEqualTo("MBX-A.force-password-reset.1");
            assertThat(c.getAttempt()).isEqualTo(1);
            assertThat(c.getRespondBy()).isEqualTo(TrackerDriver.START.plus(Duration.ofDays(16)).plusSeconds(1));
            assertThat(c.getBrand()).isEqualTo("@nifty Mail");
            assertThat(c.getCancelled()).isFalse();
        });
        assertThat(last.getKind()).isEqualTo(NoticeKind.FINAL_NOTICE);
        assertThat(last.getSequence()).isEqualTo(3);
        RemediationStatus status = current(t, "MBX-A");
        assertThat(status.getState()).isEqualTo(RemediationState.RESET_COMPLETED);
        assertThat(status.getReason()).isEqualTo(StateReason.RESET_FORCED_BY_ISP);
        assertThat(status.getRemindersSent()).isEqualTo(2);
        assertThat(states(t, "nifty", "MBX-A")).containsSubsequence(RemediationState.AFFECTED,
                RemediationState.NOTIFIED, RemediationState.REMINDED, RemediationState.FORCE_RESET_REQUESTED,
                RemediationState.RESET_COMPLETED);
        TenantProgress progress = latestProgress(t, "nifty");
        assertThat(progress.getRemediated()).isEqualTo(1);
        assertThat(progress.getRemediatedRatio()).isEqualTo(1.0);
    }

    @Test
    void customerResetStopsAllFurtherMail() {
        TrackerDriver t = start(Map.of());
        t.accept("MBX-B");
        t.drainNotices();

        t.reset("nifty", "MBX-B", ResetActor.CUSTOMER, t.now().plus(Duration.ofHours(2)));
        t.advanceInSteps(Duration.ofDays(21), Duration.ofHours(6));

        assertThat(t.drainNotices()).isEmpty();
        assertThat(t.commands("nifty").isEmpty()).isTrue();
        assertThat(current(t, "MBX-B").getReason()).isEqualTo(StateReason.RESET_BY_CUSTOMER);
    }

    @Test
    void noticeAcceptedInQuietHoursWaitsUntilEightInTokyo() {
        TrackerDriver t = start(Map.of());
        t.advance(Duration.ofHours(12)); // 22:00 Tokyo

        t.accept("MBX-Q");
        List<NotificationRequest> atNight = t.drainNotices();
        t.advance(Duration.ofHours(9)); // 07:00
        List<NotificationRequest> beforeEight = t.drainNotices();
        t.advance(Duration.ofHours(1)); // 08:00
        List<NotificationRequest> atEight = t.drainNotices();

        assertThat(atNight).isEmpty();
        assertThat(beforeEight).isEmpty();
        NotificationRequest notice = single(atEight);
        assertThat(notice.getRequestedAt().atZone(QuietHours.TOKYO).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(notice.getDeadline()).isEqualTo(notice.getRequestedAt().plus(Duration.ofDays(14)));
    }

    @Test
    void aReminderHeldByQuietHoursNeverHoldsTheDeadlineBack() {
        // tight: reminder 13 h after the notice (23:00, quiet), deadline after 20 h (06:00, still quiet)
        TrackerDriver t = start(Map.of());
        t.accept("MBX-T", "tight", AccountLifecycle.ACTIVE, Priority.URGENT);
        t.delivered(single(t.drainNotices()), DeliveryStatus.SENT);

        t.advanceInSteps(Duration.ofHours(30), Duration.ofMinutes(30));
        List<NotificationRequest> later = t.drainNotices();
        List<IspCommand> commands = t.commands("tight").readValuesToList();

        assertThat(later).extracting(NotificationRequest::getKind).doesNotContain(NoticeKind.REMINDER);
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.getAction()).isEqualTo(IspAction.FORCE_PASSWORD_RESET);
            // the deadline tick at 06:00 Tokyo stores DEADLINE_PASSED; the next one, 30 minutes on, issues the command
            assertThat(c.getIssuedAt()).isEqualTo(TrackerDriver.START.plus(Duration.ofHours(20).plusMinutes(30)));
        });
        assertThat(t.mailboxes().get("MBX-T").remediation().timeline())
                .extracting(TimelineEntry::state, TimelineEntry::at).containsSubsequence(
                        tuple(RemediationState.NOTIFIED, TrackerDriver.START),
                        tuple(RemediationState.DEADLINE_PASSED, TrackerDriver.START.plus(Duration.ofHours(20))),
                        tuple(RemediationState.FORCE_RESET_REQUESTED,
                                TrackerDriver.START.plus(Duration.ofHours(20).plusMinutes(30))));
    }

    @Test
    void dailyCapHoldsTheRestUntilTheNextDaysSendingWindow() {
        TrackerDriver t = start(Map.of());

        for (String id : List.of("CAP-1", "CAP-2", "CAP-3")) {
            t.accept(id, "capped", AccountLifecycle.ACTIVE, Priority.HIGH);
        }
        List<NotificationRequest> today = t.drainNotices();
        t.advance(Duration.ofHours(21)); // 07:00 next day
        List<NotificationRequest> early = t.drainNotices();
        t.advance(Duration.ofHours(1)); // 08:00 next day
        List<NotificationRequest> tomorrow = t.drainNotices();

        assertThat(today).extracting(NotificationRequest::getMailboxId).containsExactly("CAP-1", "CAP-2");
        assertThat(early).isEmpty();
        assertThat(tomorrow).extracting(NotificationRequest::getMailboxId).containsExactly("CAP-3");
    }

    @Test
    void remindersDueTogetherBeyondOneTicksBoundGoOutOverTheFollowingTicks() {
        // Given ten mailboxes notified at the same moment, and ticks bounded to four timers each
        TrackerDriver t = start(Map.of(TrackerConfig.TIMERS_PER_TICK, 4));
        for (int i = 0; i < 10; i++) {
            t.accept("TICK-" + i);
        }
        t.drainNotices();

        // When their first reminders all fall due (day 3) and the clock then ticks on second by second
        t.advance(Duration.ofDays(3));
        List<NotificationRequest> firstTick = t.drainNotices();
        t.advance(Duration.ofSeconds(1));
        List<NotificationRequest> secondTick = t.drainNotices();
        t.advance(Duration.ofSeconds(1));
        List<NotificationRequest> thirdTick = t.drainNotices();
        t.advance(Duration.ofSeconds(1));
        List<NotificationRequest> fourthTick = t.drainNotices();

        // Then each tick sends at most four, and every one goes out exactly once
        assertThat(firstTick).hasSize(4);
        assertThat(secondTick).hasSize(4);
        assertThat(thirdTick).hasSize(2);
        assertThat(fourthTick).isEmpty();
        assertThat(concat(firstTick, secondTick, thirdTick)).extracting(NotificationRequest::getMailboxId)
                .doesNotHaveDuplicates().hasSize(10)
                .allSatisfy(id -> assertThat(id).startsWith("TICK-"));
        assertThat(concat(firstTick, secondTick, thirdTick)).extracting(NotificationRequest::getKind)
                .containsOnly(NoticeKind.REMINDER);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    @Test
    void priorityWavesNotifyUrgentFirstAndNormalTwoWavesLater() {
        TrackerDriver t = start(Map.of(TrackerConfig.INITIAL_NOTICE, "WAVES", TrackerConfig.WAVE_INTERVAL, "P1D"));

        t.accept("URG", "nifty", AccountLifecycle.ACTIVE, Priority.URGENT);
        t.accept("NRM", "nifty", AccountLifecycle.INACTIVE, Priority.NORMAL);
        List<NotificationRequest> firstWave = t.drainNotices();
        t.advance(Duration.ofDays(1));
        List<NotificationRequest> secondWave = t.drainNotices();
        t.advance(Duration.ofDays(1));
        List<NotificationRequest> thirdWave = t.drainNotices();

        assertThat(firstWave).extracting(NotificationRequest::getMailboxId).containsExactly("URG");
        assertThat(secondWave).isEmpty();
        assertThat(thirdWave).extracting(NotificationRequest::getMailboxId).containsExactly("NRM");
    }

    @Test
    void bouncedMailboxIsReachedForByAnotherChannelAtOnceThenForcedAtTheDeadline() {
        TrackerDriver t = start(Map.of());
        t.accept("MBX-U");
        t.delivered(single(t.drainNotices()), DeliveryStatus.BOUNCED);
        List<IspCommand> atOnce = t.commands("nifty").readValuesToList();

        // The ISP never answers: the other-channel request is issued again every two days, three times in all
        t.advanceInSteps(Duration.ofDays(14), Duration.ofHours(6));
        t.advance(Duration.ofSeconds(1));
        List<IspCommand> later = t.commands("nifty").readValuesToList();

        assertThat(atOnce).extracting(IspCommand::getCommandId, IspCommand::getAction, IspCommand::getReason)
                .containsExactly(tuple("MBX-U.reach-by-other-channel.1", IspAction.REACH_BY_OTHER_CHANNEL,
                        StateReason.BOUNCED));
        assertThat(later).extracting(IspCommand::getCommandId, IspCommand::getReason).containsExactly(
                tuple("MBX-U.reach-by-other-channel.2", StateReason.BOUNCED),
                tuple("MBX-U.reach-by-other-channel.3", StateReason.BOUNCED),
                tuple("MBX-U.force-password-reset.1", StateReason.OTHER_CHANNEL_FAILED));
        assertThat(t.drainNotices()).isEmpty();
        assertThat(t.mailboxes().get("MBX-U").remediation().timeline())
                .extracting(TimelineEntry::state, TimelineEntry::reason).containsExactly(
                        tuple(RemediationState.AFFECTED, StateReason.NEW),
                        tuple(RemediationState.UNDELIVERABLE, StateReason.BOUNCED),
                        tuple(RemediationState.UNDELIVERABLE, StateReason.OTHER_CHANNEL_REQUESTED),
                        tuple(RemediationState.UNDELIVERABLE, StateReason.OTHER_CHANNEL_FAILED),
                        tuple(RemediationState.DEADLINE_PASSED, StateReason.OTHER_CHANNEL_FAILED),
                        tuple(RemediationState.FORCE_RESET_REQUESTED, StateReason.OTHER_CHANNEL_FAILED));
    }

    @Test
    void resetArrivingBeforeTheIntakeRecordIsAppliedWhenTheMailboxArrives() {
        TrackerDriver t = start(Map.of());

        t.reset("nifty", "MBX-E", ResetActor.CUSTOMER, t.now());
        t.advance(Duration.ofHours(1));
        t.accept("MBX-E");

        assertThat(t.drainNotices()).isEmpty();
        assertThat(current(t, "MBX-E").getState()).isEqualTo(RemediationState.RESET_COMPLETED);
        t.advance(Duration.ofHours(12));
        assertThat(t.rejected.isEmpty()).isTrue();
    }

    @Test
    void resetForAMailboxThatNeverArrivesIsRejectedAfterTheGracePeriod() {
        TrackerDriver t = start(Map.of(TrackerConfig.UNKNOWN_RESET_GRACE, "PT6H"));

        t.reset("nifty", "GHOST", ResetActor.CUSTOMER, t.now());
        t.advance(Duration.ofHours(5));
        boolean rejectedEarly = !t.rejected.isEmpty();
        t.advance(Duration.ofHours(1));

        assertThat(rejectedEarly).isFalse();
        RejectedRow row = t.rejected.readValue();
        assertThat(row.getReason()).isEqualTo(RejectReason.UNKNOWN_MAILBOX);
        assertThat(row.getTenant()).isEqualTo("nifty");
        assertThat(row.getSource().getFile()).isEqualTo("isp.nifty.password-resets");
        assertThat(row.getSource().getImportId()).isEqualTo("ev-GHOST-CUSTOMER");
    }

    @Test
    void resetDatedBeforeTheBreachCutoffDoesNotCount() {
        TrackerDriver t = start(Map.of());
        t.accept("MBX-C");

        t.reset("nifty", "MBX-C", ResetActor.CUSTOMER, TrackerDriver.CUTOFF.minus(Duration.ofDays(1)));

        assertThat(t.rejected.readValue().getReason()).isEqualTo(RejectReason.RESET_BEFORE_CUTOFF);
        assertThat(current(t, "MBX-C").getState()).isEqualTo(RemediationState.AFFECTED);
    }

    @Test
    void resetNamedByAddressIsMappedToTheMailboxId() {
        TrackerDriver t = start(Map.of());
        String id = new MailboxIds(TrackerDriver.SECRET).of("alice@nifty.com");
        t.intake.pipeInput(id, IntakeRecord.newBuilder().setMailboxId(id).setTenant("nifty").setAddress("alice@nifty.com")
                .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(io.resetflow.avro.CredentialStorage.HASHED)
                .setPriority(Priority.HIGH).setAcceptedAt(t.now()).build(), t.now());

        t.resets("nifty").pipeInput(null, PasswordResetEvent.newBuilder().setEventId("isp-1").setTenant("nifty")
                .setAddress("  Alice@NIFTY.com ").setChangedAt(t.now()).setActor(ResetActor.CUSTOMER).build(), t.now());

        assertThat(current(t, id).getState()).isEqualTo(RemediationState.RESET_COMPLETED);
    }

    @Test
    void resetOnAnotherTenantsTopicIsRejected() {
        TrackerDriver t = start(Map.of());
        t.accept("MBX-T");

        t.resets("capped").pipeInput("k", PasswordResetEvent.newBuilder().setEventId("x").setTenant("nifty")
                .setMailboxId("MBX-T").setChangedAt(t.now()).setActor(ResetActor.CUSTOMER).build(), t.now());
        t.resets("capped").pipeInput("k", PasswordResetEvent.newBuilder().setEventId("y").setTenant("capped")
                .setMailboxId("MBX-T").setChangedAt(t.now()).setActor(ResetActor.CUSTOMER).build(), t.now());

        // Both refusals go to the ISP whose feed they came on, so it can fix it; none to nifty, whose mailbox it is
        assertThat(t.rejected.of("isp.capped.rejected-events")).extracting(RejectedRow::getReason)
                .containsExactly(RejectReason.TENANT_DOMAIN_MISMATCH, RejectReason.TENANT_DOMAIN_MISMATCH);
        assertThat(t.rejected.isEmpty()).isTrue();
        assertThat(current(t, "MBX-T").getState()).isEqualTo(RemediationState.AFFECTED);
    }

    @Test
    void formerAccountIsLockedNotMailed() {
        TrackerDriver t = start(Map.of());

        t.accept("OLD", "nifty", AccountLifecycle.FORMER, Priority.LOCK);
        IspCommand lock = t.commands("nifty").readValue();
        t.reset("nifty", "OLD", ResetActor.LOCKED, t.now());

        assertThat(t.drainNotices()).isEmpty();
        assertThat(lock.getAction()).isEqualTo(IspAction.LOCK_ACCOUNT);
        assertThat(lock.getReason()).isEqualTo(StateReason.LOCKED_FORMER_ACCOUNT);
        RemediationStatus status = current(t, "OLD");
        assertThat(status.getState()).isEqualTo(RemediationState.LOCKED);
        assertThat(status.getReason()).isEqualTo(StateReason.LOCKED_FORMER_ACCOUNT);
    }

    @Test
    void repeatedIntakeAndDuplicateOutcomesChangeNothing() {
        TrackerDriver t = start(Map.of());
        t.accept("MBX-D");
        NotificationRequest initial = single(t.drainNotices());
        t.delivered(initial, DeliveryStatus.SENT);
        t.statuses("nifty").readValuesToList();

        t.accept("MBX-D");
        t.delivered(initial, DeliveryStatus.SENT);

        assertThat(t.drainNotices()).isEmpty();
        assertThat(t.statuses("nifty").isEmpty()).isTrue();
    }

    @Test
    void progressCountsAlwaysSumToTheAcceptedMailboxes() {
        TrackerDriver t = start(Map.of());
        for (int i = 0; i < 6; i++) {
            t.accept("P-" + i);
        }
        List<NotificationRequest> sent = t.drainNotices();
        t.delivered(sent.get(0), DeliveryStatus.SENT);
        t.delivered(sent.get(1), DeliveryStatus.BOUNCED);
        t.reset("nifty", "P-2", ResetActor.CUSTOMER, t.now());
        t.reset("nifty", "P-3", ResetActor.OPERATOR, t.now());

        t.advance(Duration.ofSeconds(1));
        TenantProgress progress = latestProgress(t, "nifty");

        assertThat(progress.getTotal()).isEqualTo(6);
        assertThat(progress.getCountsByState().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
        assertThat(progress.getCountsByState()).containsEntry("AFFECTED", 2L).containsEntry("NOTIFIED", 1L)
                .containsEntry("UNDELIVERABLE", 1L).containsEntry("RESET_COMPLETED", 2L);
        assertThat(progress.getRemediated()).isEqualTo(2);
        assertThat(progress.getRemediatedRatio()).isEqualTo(2.0 / 6);
    }

    private static NotificationRequest single(List<NotificationRequest> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }

    /** The mailbox's current status, as the tracker stores it. */
    private static RemediationStatus current(TrackerDriver t, String mailboxId) {
        return OutputRecords.status(t.mailboxes().get(mailboxId).remediation());
    }

    private static List<RemediationState> states(TrackerDriver t, String tenant, String mailboxId) {
        return t.statuses(tenant).readKeyValuesToList().stream().filter(kv -> kv.key.equals(mailboxId))
                .map(kv -> kv.value.getState()).toList();
    }

    private static TenantProgress latestProgress(TrackerDriver t, String tenant) {
        return t.progress.readKeyValuesToMap().get(tenant);
    }
}
