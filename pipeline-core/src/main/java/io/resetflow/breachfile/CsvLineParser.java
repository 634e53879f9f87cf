package io.resetflow.breachfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header line (RFC 4180 quoting). Each physical line is one row, so a malformed line is
 * rejected alone with its own line number instead of derailing the rest of the file; addresses never
 * contain line breaks, so quoted multi-line fields are not needed.
 */
final class CsvLineParser implements LineParser {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private final int fieldCount;
    private final int[] columnOfField;
    private final Set<String> dropped = new LinkedHashSet<>();
    private final Set<String> ignored = new LinkedHashSet<>();

    private CsvLineParser(List<String> header) {
        this.fieldCount = header.size();
        this.columnOfField = new int[header.size()];
        boolean hasAddress = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Optional<BreachFileColumn> column = BreachFileColumn.forHeader(name);
            if (column.isPresent()) {
                columnOfField[i] = column.get().ordinal();
                hasAddress |= column.get() == BreachFileColumn.ADDRESS;
            } else {
                columnOfField[i] = -1;
                (BreachFileColumn.looksSecret(name) ? dropped : ignored).add(name.strip());
            }
        }
        if (!hasAddress) {
            throw new IllegalArgumentException("the CSV header names no address column (expected one of: address, "
                    + "email, mail, mailbox, ...): " + String.join(",", header));
        }
    }

    static CsvLineParser forHeader(String headerLine) {
        List<String> header = split(headerLine).orElseThrow(() ->
                new IllegalArgumentException("the CSV header line cannot be parsed"));
        return new CsvLineParser(header);
    }

    @Override
    public ParsedLine parse(long line, String text) {
        Optional<List<String>> fields = split(text);
        if (fields.isEmpty()) {
            return new ParsedLine.Unparseable(line, "malformed CSV (unbalanced quotes)");
        }
        if (fields.get().size() != fieldCount) {
            return new ParsedLine.Unparseable(line,
                    "expected " + fieldCount + " fields, found " + fields.get().size());
        }
        String[] values = new String[BreachFileColumn.values().length];
        for (int i = 0; i < fieldCount; i++) {
            int column = columnOfField[i];
            if (column >= 0) {
                String value = fields.get().get(i);
                values[column] = value.isBlank() ? null : value;
            }
        }
        return new ParsedLine.Row(line, values);
    }

    @Override
    public Set<String> droppedColumns() {
        return Collections.unmodifiableSet(dropped);
    }

    @Override
    public Set<String> ignoredColumns() {
        return Collections.unmodifiableSet(ignored);
    }

    /** The fields of one line, or empty when it is not valid CSV. */
    static Optional<List<String>> split(String text) {
        if (text.indexOf('"') < 0) {
            // Fast path for the common unquoted line; same result as the CSV parser.
            List<String> fields = new ArrayList<>(8);
            int start = 0;
            for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
                fields.add(text.substring(start, comma));
                start = comma + 1;
            }
            fields.add(text.substring(start));
            return Optional.of(fields);
        }
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? Optional.of(records.get(0).toList()) : Optional.empty();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
