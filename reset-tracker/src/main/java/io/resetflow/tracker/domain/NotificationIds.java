package io.resetflow.tracker.domain;

import io.resetflow.avro.NoticeKind;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Deterministic notification ids, {@code <mailboxId>.<kind>.<sequence>}: a replayed timer produces
 * the same id, so the notifier's Message-ID (derived from it) lets duplicates be recognised. A notice
 * sent again by an operator's re-drive gets {@code .r<n>} appended (its n-th re-drive), a new id the
 * notifier's sent ledger has not seen. Only atext characters are used, as a Message-ID needs.
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    public static String of(String mailboxId, NoticeKind kind, int sequence) {
        return mailboxId + "." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + sequence;
    }

    public static String redriven(String mailboxId, NoticeKind kind, int sequence, int redrive) {
        return of(mailboxId, kind, sequence) + ".r" + redrive;
    }

    /** The sequence an id was built with, empty if the id is not one of ours. */
    public static OptionalInt sequenceOf(String notificationId) {
        if (notificationId == null) {
            return OptionalInt.empty();
        }
        // Every delivery outcome comes through here: plain index arithmetic, no regular expression.
        int end = notificationId.length();
        int dot = notificationId.lastIndexOf('.');
        if (dot >= 0 && dot + 1 < end && notificationId.charAt(dot + 1) == 'r') {
            end = dot;
            dot = notificationId.lastIndexOf('.', end - 1);
        }
        if (dot < 0) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(notificationId, dot + 1, end, 10));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
