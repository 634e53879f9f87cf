package io.resetflow.local.simulate;

import io.resetflow.avro.NoticeKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * How a simulated customer reacts to the mail, decided from the mailbox id and the seed alone (no
 * per-mailbox state): most reset after the notice, some only after a reminder or the final notice,
 * the rest never — those are forced at the deadline.
 */
public record CustomerBehaviour(long seed, double afterNotice, double afterReminder, double afterFinalNotice) {

    public static CustomerBehaviour typical(long seed) {
        return new CustomerBehaviour(seed, 0.45, 0.20, 0.10);
    }

    /** The campaign-time delay after which the customer resets in reaction to this mail, if they do. */
    public Optional<Duration> resetDelay(String mailboxId, NoticeKind kind) {
        double roll = fraction(mailboxId, 1);
        boolean reacts = switch (kind) {
            case INITIAL_NOTICE -> roll < afterNotice;
            case REMINDER -> roll >= afterNotice && roll < afterNotice + afterReminder;
            case FINAL_NOTICE -> roll >= afterNotice + afterReminder
                    && roll < afterNotice + afterReminder + afterFinalNotice;
        };
        if (!reacts) {
            return Optional.empty();
        }
        Duration spread = kind == NoticeKind.INITIAL_NOTICE ? Duration.ofDays(3) : Duration.ofDays(2);
        return Optional.of(Duration.ofMinutes(30).plusMillis((long) (fraction(mailboxId, 2) * spread.toMillis())));
    }

    /** How long the ISP takes to confirm a lock or forced reset it was asked for. */
    public Duration ispConfirmationDelay(String mailboxId) {
        return Duration.ofHours(2).plusMillis((long) (fraction(mailboxId, 3) * Duration.ofHours(22).toMillis()));
    }

    private double fraction(String mailboxId, int salt) {
        CRC32 crc = new CRC32();
        crc.update((seed + ":" + salt + ":" + mailboxId).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() / (double) (1L << 32);
    }
}
