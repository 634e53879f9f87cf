package io.resetflow.notifier.render;

import com.github.mustachejava.Mustache;
import java.util.Optional;

/** The compiled templates of one tenant and notice kind. */
public record NoticeTemplateSet(Mustache subject, Mustache japaneseText, Mustache englishText, Optional<Mustache> html) {
}
