package io.resetflow.breachfile;

import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text stream, each at most a bounded number of characters: a longer one is
 * skipped to its end without being held, so memory stays bounded even for a file that is one endless
 * line (a gzip bomb of a single row). Ends lines at LF, dropping a CR before it.
 */
final class BoundedLines {

    /** A line, or the length of one too long to keep. */
    record Line(String text, long overlongLength) {

        boolean tooLong() {
            return text == null;
        }
    }

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[BUFFER];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private boolean endsWithCr;
    private int limit;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        line.setLength(0);
        endsWithCr = false;
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, BUFFER);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(length) : null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            if (!any && position < limit && count <= maxLength + 1) {
                // The whole line is in the buffer: the common case, one copy.
                position++;
                int end = count > 0 && buffer[start + count - 1] == '\r' ? count - 1 : count;
                return end > maxLength ? new Line(null, end) : new Line(new String(buffer, start, end), 0);
            }
            any = true;
            if (count > 0) {
                endsWithCr = buffer[position - 1] == '\r';
            }
            if (length + count <= maxLength + 1) {
                line.append(buffer, start, count);
            }
            length += count;
            if (position < limit) {
                position++;
                return finish(length);
            }
        }
    }

    private Line finish(long length) {
        if (endsWithCr) {
            length--;
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
            }
        }
        return length > maxLength ? new Line(null, length) : new Line(line.toString(), 0);
    }
}
