package io.resetflow.tracker.query;

import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.topology.TrackedMailbox;
import java.time.Duration;
import java.time.Instant;

/** Turns a stored mailbox into its API view. */
final class MailboxViews {

    private static final double MINUTES_PER_DAY = 24 * 60;

    private MailboxViews() {
    }

    static Views.MailboxView of(TrackedMailbox tracked) {
        MailboxRemediation m = tracked.remediation();
        MailboxRemediation.Identity id = m.identity();
        return new Views.MailboxView(id.mailboxId(), id.tenant(), id.brand(), id.lifecycle().name(),
                id.priority().name(), m.state().name(), m.reason().name(), m.isRemediated(), m.remindersSent(),
                m.noticesIssued(), text(m.affectedAt()), text(m.noticeIssuedAt()), text(m.notifiedAt()),
                text(m.deadlineAt()), text(m.remediatedAt()), text(m.updatedAt()), text(tracked.scheduledAt()),
                m.timeline().stream().map(e -> new Views.TimelineView(e.state().name(), e.reason().name(),
                        e.at().toString(), e.by())).toList(),
                m.command() == null ? null : new Views.CommandView(m.command().commandId(id.mailboxId()),
                        m.command().action().name(), m.command().attempt(), text(m.command().issuedAt()),
                        text(m.command().respondBy()), m.command().accepted()));
    }

    /** A straggler row: the address masked, never whole. */
    static Views.StragglerRow row(TrackedMailbox tracked, Instant now) {
        MailboxRemediation m = tracked.remediation();
        MailboxRemediation.Identity id = m.identity();
        double days = Math.max(0, Duration.between(m.affectedAt(), now).toMinutes() / MINUTES_PER_DAY);
        return new Views.StragglerRow(id.mailboxId(), AddressMask.mask(id.address()), id.brand(),
                id.lifecycle().name(), m.state().name(), m.reason().name(), text(m.affectedAt()),
                Math.round(days * 10) / 10.0, text(m.updatedAt()), m.remindersSent(), text(tracked.scheduledAt()));
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
