package io.resetflow.breachfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** What one import run did. {@code read} counts data rows; blank and unparseable lines are not rows. */
public record ImportSummary(String importId, long read, long sent, long unparseable, long blankLines,
                            Set<String> droppedColumns, Set<String> ignoredColumns, Optional<Path> rejectsFile,
                            Duration elapsed) {

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? read / seconds : read;
    }
}
