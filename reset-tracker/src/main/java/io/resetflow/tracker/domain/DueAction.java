package io.resetflow.tracker.domain;

import io.resetflow.avro.NoticeKind;
import java.time.Instant;
import java.util.Optional;

/** The next thing the tracker must do for a mailbox, and when. */
public record DueAction(Kind kind, int sequence, Instant dueAt) {

    public enum Kind {
        LOCK, INITIAL_NOTICE, REMINDER, DEADLINE, FORCE_RESET, FINAL_NOTICE, OTHER_CHANNEL, COMMAND_FOLLOW_UP,
        /** The last notice again, after a re-drive: {@code sequence} 0 is the initial notice, n the n-th reminder. */
        REDRIVE;

        public boolean isMail() {
            return this == INITIAL_NOTICE || this == REMINDER || this == FINAL_NOTICE || this == REDRIVE;
        }
    }

    public boolean isDue(Instant now) {
        return !dueAt.isAfter(now);
    }

    public Optional<NoticeKind> noticeKind() {
        return switch (kind) {
            case INITIAL_NOTICE -> Optional.of(NoticeKind.INITIAL_NOTICE);
            case REMINDER -> Optional.of(NoticeKind.REMINDER);
            case FINAL_NOTICE -> Optional.of(NoticeKind.FINAL_NOTICE);
            case REDRIVE -> Optional.of(sequence == 0 ? NoticeKind.INITIAL_NOTICE : NoticeKind.REMINDER);
            default -> Optional.empty();
        };
    }
}
