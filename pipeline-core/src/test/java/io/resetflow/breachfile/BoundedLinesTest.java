package io.resetflow.breachfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void splitsAtLfDropsCrKeepsALineOfExactlyTheMaximumAndSkipsALongerOne() throws IOException {
        String exact = "x".repeat(8);
        String over = "y".repeat(9);

        assertThat(read("a\r\n\n" + exact + "\r\n" + over + "\nlast", 8))
                .containsExactly("a", "", exact, "too long: 9", "last");
    }

    @Test
    void skipsALineLongerThanTheBufferWithoutHoldingIt() throws IOException {
        String huge = "z".repeat(200_000);

        assertThat(read("first\n" + huge + "\r\nnext\n", 100)).containsExactly("first", "too long: 200000", "next");
    }

    private static List<String> read(String text, int max) throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader(text), max);
        List<String> read = new ArrayList<>();
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line.tooLong() ? "too long: " + line.overlongLength() : line.text());
        }
        return read;
    }
}
