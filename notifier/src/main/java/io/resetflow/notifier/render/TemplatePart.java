package io.resetflow.notifier.render;

/** The files a notice is rendered from; only the HTML part may be missing. */
public enum TemplatePart {
    SUBJECT("subject.mustache", false, true),
    JAPANESE_TEXT("ja.txt.mustache", false, true),
    ENGLISH_TEXT("en.txt.mustache", false, true),
    HTML("html.mustache", true, false);

    private final String fileName;
    private final boolean html;
    private final boolean required;

    TemplatePart(String fileName, boolean html, boolean required) {
        this.fileName = fileName;
        this.html = html;
        this.required = required;
    }

    public String fileName() {
        return fileName;
    }

    /** HTML parts escape values; text parts (and the subject) must not, or "=" turns into "&#61;". */
    public boolean html() {
        return html;
    }

    public boolean required() {
        return required;
    }
}
