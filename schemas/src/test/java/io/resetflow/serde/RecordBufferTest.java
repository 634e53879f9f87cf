package io.resetflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordBufferTest {

    private final RecordBuffer buffer = new RecordBuffer();

    @Test
    void returnsTheHeaderAndWhatTheEncoderWrote() throws IOException {
        buffer.reset().write(0);
        buffer.writeInt(0x01020304);
        buffer.encoder().writeString("ab");

        assertThat(buffer.toByteArray()).containsExactly(0, 1, 2, 3, 4, 4, 'a', 'b');
    }

    @Test
    void startsEachRecordEmpty() throws IOException {
        buffer.reset().encoder().writeString("first");
        buffer.toByteArray();

        buffer.reset().encoder().writeString("x");

        assertThat(buffer.toByteArray()).containsExactly(2, 'x');
    }

    @Test
    void letsGoOfAnArrayGrownByAnUnusuallyLargeRecord() throws IOException {
        byte[] large = new byte[RecordBuffer.KEPT_CAPACITY * 2];
        Arrays.fill(large, (byte) 7);

        buffer.reset().write(large, 0, large.length);

        assertThat(buffer.toByteArray()).isEqualTo(large);
        assertThat(buffer.capacity()).isEqualTo(RecordBuffer.INITIAL_CAPACITY);
    }
}
