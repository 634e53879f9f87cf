package io.resetflow.tracker.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts every mismatch by kind and keeps the first ones in full, up to a bound. */
final class Mismatches {

    private final int listed;
    private final Map<MismatchKind, Long> byKind = new EnumMap<>(MismatchKind.class);
    private final List<Mismatch> first = new ArrayList<>();
    private long total;

    Mismatches(int listed) {
        this.listed = listed;
    }

    void add(MismatchKind kind, String tenant, String mailboxId, String detail) {
        byKind.merge(kind, 1L, Long::sum);
        total++;
        if (first.size() < listed) {
            first.add(new Mismatch(kind, tenant, mailboxId, detail));
        }
    }

    long total() {
        return total;
    }

    Map<MismatchKind, Long> byKind() {
        return Collections.unmodifiableMap(byKind);
    }

    List<Mismatch> listed() {
        return Collections.unmodifiableList(first);
    }
}
