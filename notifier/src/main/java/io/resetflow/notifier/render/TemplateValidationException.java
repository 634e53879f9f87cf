package io.resetflow.notifier.render;

import java.util.List;

/** The templates cannot be used: the notifier refuses to start. */
public final class TemplateValidationException extends RuntimeException {

    public TemplateValidationException(List<String> problems) {
        super("invalid notice templates:\n  " + String.join("\n  ", problems));
    }
}
