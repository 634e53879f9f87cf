package io.resetflow.notifier.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subjects as they go on the wire: RFC 2047 B-encoded UTF-8, as Japanese mail readers expect, folded
 * at 76 characters. A campaign has a handful of distinct subjects (tenant, kind, reminder number),
 * so each is encoded once; encoding and folding were a tenth of a notice's CPU. The cache is bounded:
 * past its size a subject is encoded afresh each time, never dropped or mixed up.
 */
final class EncodedSubjects {

    static final int MAX_CACHED = 4_096;
    /** "Subject: " is 9 characters: the first line folds earlier. */
    private static final int HEADER_NAME_LENGTH = 9;

    private final Map<String, String> encoded = new ConcurrentHashMap<>();

    String of(String subject) {
        String cached = encoded.get(subject);
        if (cached != null) {
            return cached;
        }
        String fresh = encode(subject);
        if (encoded.size() < MAX_CACHED) {
            encoded.putIfAbsent(subject, fresh);
        }
        return fresh;
    }

    int size() {
        return encoded.size();
    }

    private static String encode(String subject) {
        try {
            return MimeUtility.fold(HEADER_NAME_LENGTH, MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), "B"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is missing from this JVM", e);
        }
    }
}
