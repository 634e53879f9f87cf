package io.resetflow.breachfile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Lines the import could not parse, as CSV {@code line,reason}. The line's content is not copied:
 * it may hold a password column.
 */
final class RejectsFile implements AutoCloseable {

    private final Path path;
    private CSVPrinter printer;

    RejectsFile(Path path) {
        this.path = path;
    }

    void add(ParsedLine.Unparseable line) throws IOException {
        if (printer == null) {
            Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("line", "reason")
                    .setRecordSeparator('\n').get());
        }
        printer.printRecord(line.line(), line.reason());
    }

    boolean written() {
        return printer != null;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
        }
    }
}
