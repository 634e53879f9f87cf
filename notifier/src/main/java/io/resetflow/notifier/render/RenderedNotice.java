package io.resetflow.notifier.render;

import java.util.Optional;

/** A rendered notice: one subject line, the text body (Japanese, then English) and an optional HTML body. */
public record RenderedNotice(String subject, String text, Optional<String> html) {
}
