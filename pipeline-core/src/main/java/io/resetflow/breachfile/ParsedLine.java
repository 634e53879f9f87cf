package io.resetflow.breachfile;

/** One physical line of a breach file as the reader understood it. */
public sealed interface ParsedLine {

    /** 1-based physical line number. */
    long line();

    /** A data row: values indexed by {@link BreachFileColumn#ordinal()}, null when absent or blank. */
    record Row(long line, String[] values) implements ParsedLine {

        public String value(BreachFileColumn column) {
            return values[column.ordinal()];
        }
    }

    /** An empty line: skipped, counted. */
    record Blank(long line) implements ParsedLine {
    }

    /** A line no row can be read from, with the reason. */
    record Unparseable(long line, String reason) implements ParsedLine {
    }
}
