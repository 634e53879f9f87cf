package io.resetflow.bench.notifier;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The printed figures: one line per (what sent, connections), then the targets against them. */
final class ResultTable {

    /** Postfix's C client: another client's rate against the same sink, not the sink's limit. */
    static final String SMTP_SOURCE = "smtp-source (C client)";
    static final String BARE_LOOP = "bare jakarta.mail loop";
    static final String NOTIFIER_PLAIN = "notifier, no DKIM";
    static final String NOTIFIER_DKIM = "notifier, DKIM rsa-sha256";

    static final double DKIM_TARGET_PER_SECOND = 1_000;
    static final double SHARE_OF_BARE_TARGET = 0.60;
    static final double SHARE_OF_SIGNING_CEILING_TARGET = 0.85;

    record Row(String what, int connections, Throughput result) {
    }

    private final List<Row> rows = new ArrayList<>();
    private SigningCeiling.Result signingCeiling;

    void signingCeiling(SigningCeiling.Result ceiling) {
        this.signingCeiling = ceiling;
    }

    void add(String what, int connections, Throughput result) {
        rows.add(new Row(what, connections, result));
    }

    Optional<Throughput> find(String what, int connections) {
        return rows.stream().filter(r -> r.what().equals(what) && r.connections() == connections)
                .map(Row::result).findFirst();
    }

    void print(PrintWriter out, List<Integer> connections) {
        out.printf("  %-27s %5s %10s %9s %8s %8s %7s%n", "", "conns", "mails/s", "seconds", "p50 ms", "p99 ms", "failed");
        String previous = null;
        for (Row row : rows) {
            if (previous != null && !previous.equals(row.what())) {
                out.println();
            }
            previous = row.what();
            Throughput t = row.result();
            out.printf("  %-27s %5d %,10.0f %9.2f %8s %8s %7s%n", row.what(), row.connections(), t.perSecond(),
                    t.seconds(), millis(t.percentileMillis(50)), millis(t.percentileMillis(99)),
                    Long.toString(t.failed()));
        }
        out.println();
        out.printf("  target: notifier without DKIM >= %.0f%% of the bare loop%n", SHARE_OF_BARE_TARGET * 100);
        for (int c : connections) {
            Optional<Throughput> plain = find(NOTIFIER_PLAIN, c);
            Optional<Throughput> bare = find(BARE_LOOP, c);
            if (plain.isPresent() && bare.isPresent()) {
                double share = plain.get().perSecond() / bare.get().perSecond();
                out.printf("    %2d conns: %,.0f / %,.0f = %3.0f%%  %s%n", c, plain.get().perSecond(),
                        bare.get().perSecond(), share * 100, share >= SHARE_OF_BARE_TARGET ? "met" : "NOT MET");
            }
        }
        out.printf("  target: notifier with DKIM >= %,.0f mails/s end to end%n", DKIM_TARGET_PER_SECOND);
        for (int c : connections) {
            find(NOTIFIER_DKIM, c).ifPresent(t -> out.printf("    %2d conns: %,.0f mails/s  %s%n", c, t.perSecond(),
                    t.perSecond() >= DKIM_TARGET_PER_SECOND ? "met" : "NOT MET"));
        }
        if (signingCeiling != null) {
            out.printf("  target: notifier with DKIM >= %.0f%% of the signing-only ceiling (%s: %.2f ms CPU per signature, "
                            + "%d cores, %,.0f signatures/s)%n", SHARE_OF_SIGNING_CEILING_TARGET * 100,
                    signingCeiling.provider(), signingCeiling.cpuMillisPerSignature(), signingCeiling.cores(),
                    signingCeiling.signaturesPerSecond());
            for (int c : connections) {
                find(NOTIFIER_DKIM, c).ifPresent(t -> {
                    double share = t.perSecond() / signingCeiling.signaturesPerSecond();
                    out.printf("    %2d conns: %,.0f / %,.0f = %3.0f%%  %s%n", c, t.perSecond(),
                            signingCeiling.signaturesPerSecond(), share * 100,
                            share >= SHARE_OF_SIGNING_CEILING_TARGET ? "met" : "NOT MET");
                });
            }
        }
    }

    /** The bench's own check: every mail of every row was accepted by the sink. */
    boolean allSent(PrintWriter out) {
        List<Row> failing = rows.stream().filter(row -> row.result().failed() > 0).toList();
        failing.forEach(row -> out.printf("  CHECK FAILED: %s, %d conns: %,d of %,d mails failed%n", row.what(),
                row.connections(), row.result().failed(), row.result().mails()));
        if (failing.isEmpty()) {
            out.println("  check: every mail of every row accepted by the sink (none failed)");
        }
        return failing.isEmpty();
    }

    private static String millis(OptionalDouble value) {
        return value.isPresent() ? String.format("%,.0f", value.getAsDouble()) : "";
    }
}
