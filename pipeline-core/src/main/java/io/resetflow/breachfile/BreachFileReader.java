package io.resetflow.breachfile;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Streams a breach file (plain or gzip) record by record: never more than one bounded record in
 * memory. A line longer than the maximum is rejected with its number and skipped without being held.
 * CSV follows RFC 4180: a quoted field may span lines (joined until its quote closes, within the same
 * maximum); a stray quote rejects its own line only, and reading resumes on the next.
 * Bytes that are not valid in the charset become U+FFFD, so such an address is rejected by intake as
 * invalid rather than stopping the import.
 */
public final class BreachFileReader implements AutoCloseable {

    private final FileChannel channel;
    private final Reader reader;
    private final BoundedLines lines;
    private final int maxLength;
    private final boolean csv;
    private final LineParser parser;
    private final Deque<BoundedLines.Line> replay = new ArrayDeque<>();
    private long lineNumber;

    public BreachFileReader(Path file, BreachFileFormat format, Charset charset, int maxLength) throws IOException {
        FileInputStream raw = new FileInputStream(file.toFile());
        this.channel = raw.getChannel();
        this.maxLength = maxLength;
        this.csv = format == BreachFileFormat.CSV;
        try {
            this.reader = new InputStreamReader(CompressedFiles.decompressed(raw), charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            this.lines = new BoundedLines(reader, maxLength);
            this.parser = csv ? csvHeader() : new JsonLineParser();
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private LineParser csvHeader() throws IOException {
        for (BoundedLines.Line line = physical(); line != null; line = physical()) {
            if (line.tooLong()) {
                throw new IllegalArgumentException("the CSV header line is longer than " + maxLength + " characters");
            }
            if (!line.text().isBlank()) {
                return CsvLineParser.forHeader(line.text());
            }
        }
        throw new IllegalArgumentException("the file is empty: no CSV header line");
    }

    /** The next record, or null at the end of the file. */
    public ParsedLine next() throws IOException {
        BoundedLines.Line line = physical();
        if (line == null) {
            return null;
        }
        long number = lineNumber;
        if (line.tooLong()) {
            return new ParsedLine.Unparseable(number, "line longer than " + maxLength + " characters ("
                    + line.overlongLength() + ")");
        }
        String text = line.text();
        if (text.isBlank()) {
            return new ParsedLine.Blank(number);
        }
        if (csv && text.indexOf('"') >= 0 && quoteOpen(text)) {
            return continued(number, text);
        }
        return parser.parse(number, text);
    }

    /**
     * A CSV record whose quoted field goes on over the next lines. When the quote does not close within
     * the maximum, or the joined record is not a row, only the first line is rejected: the lines taken
     * are given back, since after a stray quote they are rows of their own.
     */
    private ParsedLine continued(long number, String first) throws IOException {
        StringBuilder record = new StringBuilder(first);
        List<BoundedLines.Line> taken = new ArrayList<>();
        while (quoteOpen(record)) {
            BoundedLines.Line next = physical();
            if (next == null) {
                return giveBack(number, taken);
            }
            taken.add(next);
            if (next.tooLong() || record.length() + 1 + next.text().length() > maxLength) {
                return giveBack(number, taken);
            }
            record.append('\n').append(next.text());
        }
        ParsedLine parsed = parser.parse(number, record.toString());
        return parsed instanceof ParsedLine.Unparseable ? giveBack(number, taken) : parsed;
    }

    private ParsedLine giveBack(long number, List<BoundedLines.Line> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            replay.push(taken.get(i));
        }
        lineNumber -= taken.size();
        return new ParsedLine.Unparseable(number, "malformed CSV (unbalanced quotes)");
    }

    private BoundedLines.Line physical() throws IOException {
        BoundedLines.Line line = replay.isEmpty() ? lines.next() : replay.pop();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    private static boolean quoteOpen(CharSequence text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return (quotes & 1) == 1;
    }

    /** Bytes of the (possibly compressed) file consumed so far, for progress. */
    long bytesRead() {
        try {
            return channel.position();
        } catch (IOException e) {
            return 0;
        }
    }

    Set<String> droppedColumns() {
        return parser.droppedColumns();
    }

    Set<String> ignoredColumns() {
        return parser.ignoredColumns();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
