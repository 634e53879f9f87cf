package io.resetflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

class EncodedSubjectsTest {

    private final EncodedSubjects subjects = new EncodedSubjects();

    @Test
    void encodesAJapaneseSubjectAsFoldedRfc2047Utf8() throws Exception {
        String subject = "【重要】Pikara Hikari メールアカウントのパスワード変更のお願い（2回目のご案内・必ずお読みください）";

        String encoded = subjects.of(subject);

        assertThat(encoded).startsWith("=?UTF-8?B?");
        assertThat(encoded.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(encoded.split("\r\n").length).isGreaterThan(1);
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(encoded))).isEqualTo(subject);
    }

    @Test
    void answersTheSameEncodingForTheSameSubjectFromItsCache() {
        String first = subjects.of("【重要】ご案内");

        assertThat(subjects.of("【重要】ご案内")).isSameAs(first);
        assertThat(subjects.size()).isEqualTo(1);
    }

    @Test
    void keepsEncodingCorrectlyPastItsBound() throws Exception {
        for (int i = 0; i < EncodedSubjects.MAX_CACHED + 10; i++) {
            String subject = "【重要】" + i + "回目のご案内";
            assertThat(MimeUtility.decodeText(MimeUtility.unfold(subjects.of(subject)))).isEqualTo(subject);
        }

        assertThat(subjects.size()).isEqualTo(EncodedSubjects.MAX_CACHED);
    }
}
