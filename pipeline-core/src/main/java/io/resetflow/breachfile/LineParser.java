package io.resetflow.breachfile;

import java.util.Set;

/** Reads the data lines of one file format into rows. */
interface LineParser {

    /** Parses a non-blank data line. */
    ParsedLine parse(long line, String text);

    /** Columns not read because their name suggests a password or hash. */
    Set<String> droppedColumns();

    /** Columns not read because the import does not know them. */
    Set<String> ignoredColumns();
}
