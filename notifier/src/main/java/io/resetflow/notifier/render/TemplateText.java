package io.resetflow.notifier.render;

/** A template's source text and where it was found (named in validation errors). */
public record TemplateText(String origin, String text) {
}
