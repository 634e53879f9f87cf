package io.resetflow.breachfile;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats the import reads. */
public enum BreachFileFormat {
    CSV, JSONL;

    /** JSONL for *.jsonl / *.ndjson (optionally .gz), CSV otherwise. */
    public static BreachFileFormat guess(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : CSV;
    }
}
