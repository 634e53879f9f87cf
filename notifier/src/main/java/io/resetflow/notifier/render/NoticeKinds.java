package io.resetflow.notifier.render;

import io.resetflow.avro.NoticeKind;
import java.util.Locale;

/** The template folder of each notice kind: INITIAL_NOTICE lives in {@code initial-notice/}. */
public final class NoticeKinds {

    private NoticeKinds() {
    }

    public static String folder(NoticeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
