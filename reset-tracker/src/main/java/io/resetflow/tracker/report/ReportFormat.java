package io.resetflow.tracker.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.Locale;

/** The report's forms, each rendered from the one JSON model; the command and the dashboard use these. */
public enum ReportFormat {
    CSV("text/csv; charset=utf-8"),
    JSON("application/json"),
    HTML("text/html; charset=utf-8");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String render(RegulatorReport report) {
        ObjectNode json = ReportJson.of(report);
        return switch (this) {
            case JSON -> ReportJson.text(json);
            case CSV -> {
                StringWriter csv = new StringWriter();
                ReportCsv.write(json, csv);
                yield csv.toString();
            }
            case HTML -> ReportHtml.render(json);
        };
    }

    /** csv, json or html, in any case. */
    public static ReportFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be csv, json or html, not '" + name + "'");
        }
    }
}
