package io.resetflow.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the intake must make of a generated breach file, written next to it as
 * {@code <file>.expected.json}: lines the import skips or cannot parse, rows it sends, and per
 * tenant / reason / priority what intake accepts, de-duplicates and rejects.
 */
public record ExpectedCounts(long mailboxes, long seed, long lines, long blankLines, long unparseableLines,
                             long rowsSent, long accepted, long duplicates, long rejected,
                             Map<String, Long> acceptedPerTenant, Map<String, Long> duplicatesPerTenant,
                             Map<String, Long> rejectsPerReason, Map<String, Long> acceptedPerPriority) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".expected.json");
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static ExpectedCounts read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ExpectedCounts.class);
    }

    /** Counts being gathered while a file is written. */
    static final class Tally {
        long lines;
        long blankLines;
        long unparseableLines;
        long rowsSent;
        final Map<String, Long> acceptedPerTenant = new TreeMap<>();
        final Map<String, Long> duplicatesPerTenant = new TreeMap<>();
        final Map<String, Long> rejectsPerReason = new TreeMap<>();
        final Map<String, Long> acceptedPerPriority = new TreeMap<>();

        static void add(Map<String, Long> counts, String key) {
            counts.merge(key, 1L, Long::sum);
        }

        ExpectedCounts result(long mailboxes, long seed) {
            return new ExpectedCounts(mailboxes, seed, lines, blankLines, unparseableLines, rowsSent,
                    sum(acceptedPerTenant), sum(duplicatesPerTenant), sum(rejectsPerReason),
                    acceptedPerTenant, duplicatesPerTenant, rejectsPerReason, acceptedPerPriority);
        }

        private static long sum(Map<String, Long> counts) {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
