package io.resetflow.tracker.topology;

import io.resetflow.tracker.domain.MailboxRemediation;
import java.time.Instant;

/** A mailbox as stored: its remediation and the due-index entry currently scheduled for it, if any. */
public record TrackedMailbox(MailboxRemediation remediation, Instant scheduledAt) {
}
