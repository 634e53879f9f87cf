package io.resetflow.breachfile;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows how far an import is: a live bar on a terminal, a plain line every few seconds otherwise. */
public interface ImportProgress extends AutoCloseable {

    /** Called often; implementations decide how often to show it. */
    void update(long rows, long bytesRead);

    @Override
    void close();

    /** A bar when a terminal is attached, progress lines on {@code out} otherwise. */
    static ImportProgress forConsole(long fileBytes, PrintStream out) {
        return System.console() != null ? new Bar(fileBytes) : new Lines(fileBytes, out, Duration.ofSeconds(5));
    }

    static ImportProgress none() {
        return new ImportProgress() {
            @Override
            public void update(long rows, long bytesRead) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A progress bar over the file's bytes (ETA) with the row rate alongside. */
    final class Bar implements ImportProgress {

        private final ProgressBar bar;
        private final long started = System.nanoTime();
        private boolean closed;

        Bar(long fileBytes) {
            bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(fileBytes)
                    .setUnit("MiB", 1 << 20).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .continuousUpdate().build();
        }

        @Override
        public void update(long rows, long bytesRead) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(String.format("%,d rows, %,.0f rows/s", rows, RowRate.of(rows, started)));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bar.close();
            }
        }
    }

    /** One line per interval: rows, rows/s, percent of the file and ETA. */
    final class Lines implements ImportProgress {

        private final long fileBytes;
        private final PrintStream out;
        private final long intervalNanos;
        private final long started = System.nanoTime();
        private long lastShown = started;

        Lines(long fileBytes, PrintStream out, Duration interval) {
            this.fileBytes = fileBytes;
            this.out = out;
            this.intervalNanos = interval.toNanos();
        }

        @Override
        public void update(long rows, long bytesRead) {
            long now = System.nanoTime();
            if (now - lastShown < intervalNanos) {
                return;
            }
            lastShown = now;
            double fraction = fileBytes > 0 ? Math.min(1.0, (double) bytesRead / fileBytes) : 0;
            double elapsed = (now - started) / 1e9;
            long eta = fraction > 0 ? Math.round(elapsed / fraction - elapsed) : -1;
            out.printf("import: %,d rows, %,.0f rows/s, %.1f%% of file, ETA %s%n", rows, RowRate.of(rows, started),
                    fraction * 100, eta < 0 ? "?" : Duration.ofSeconds(eta).toString().substring(2).toLowerCase());
        }

        @Override
        public void close() {
        }
    }

    /** Rows per second since a start. */
    final class RowRate {
        private RowRate() {
        }

        static double of(long rows, long startedNanos) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            return seconds > 0 ? rows / seconds : 0;
        }
    }
}
