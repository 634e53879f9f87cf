package io.resetflow.bench.notifier;

import io.resetflow.core.tenant.Tenants;
import java.nio.file.Path;
import java.time.Clock;

/** Bytes on the wire of the notice the notifier builds for a benchmark request, unsigned and DKIM-signed. */
final class NoticeSize {

    private NoticeSize() {
    }

    static int of(Tenants tenants, Clock clock, Path dkimKeyFile, boolean signed) {
        BenchNotices notices = signed ? BenchNotices.signed(tenants, clock, dkimKeyFile) : BenchNotices.unsigned(tenants, clock);
        return notices.notice(0).content().length;
    }
}
