package io.resetflow.breachfile;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Set;

/**
 * Streams a breach file (plain or gzip) line by line: never more than one line in memory. Bytes that
 * are not valid in the charset become U+FFFD, so such an address is rejected by intake as invalid
 * rather than stopping the import.
 */
final class BreachFileReader implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final FileChannel channel;
    private final BufferedReader reader;
    private final LineParser parser;
    private long lineNumber;

    BreachFileReader(Path file, BreachFileFormat format, Charset charset) throws IOException {
        FileInputStream raw = new FileInputStream(file.toFile());
        this.channel = raw.getChannel();
        try {
            this.reader = new BufferedReader(new InputStreamReader(CompressedFiles.decompressed(raw), charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER);
            this.parser = format == BreachFileFormat.CSV ? csvHeader() : new JsonLineParser();
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private LineParser csvHeader() throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                return CsvLineParser.forHeader(line);
            }
        }
        throw new IllegalArgumentException("the file is empty: no CSV header line");
    }

    /** The next line, or null at the end of the file. */
    ParsedLine next() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        return line.isBlank() ? new ParsedLine.Blank(lineNumber) : parser.parse(lineNumber, line);
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
