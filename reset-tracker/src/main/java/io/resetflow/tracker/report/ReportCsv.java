package io.resetflow.tracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as a spreadsheet: every figure of the JSON form on a row of its own (section, ISP, item,
 * value), UTF-8 with a byte-order mark and CRLF line ends, so Excel opens it as it is. A cell that a
 * spreadsheet would take for a formula (starting with =, +, -, @, a tab or a CR) is prefixed with a
 * quote: a tenant name or brand from a configuration file cannot run anything on the reader's machine.
 */
public final class ReportCsv {

    private static final String BOM = "\uFEFF";
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder()
            .setHeader("section", "isp", "item", "value").setRecordSeparator("\r\n").build();

    private ReportCsv() {
    }

    public static void write(JsonNode report, Writer out) {
        try {
            out.write(BOM);
            try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
                Iterator<Map.Entry<String, JsonNode>> fields = report.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().equals("sections")) {
                        Iterator<Map.Entry<String, JsonNode>> sections = field.getValue().fields();
                        while (sections.hasNext()) {
                            Map.Entry<String, JsonNode> section = sections.next();
                            rows(printer, "isp", section.getKey(), "", section.getValue());
                        }
                    } else if (field.getValue().isValueNode()) {
                        rows(printer, "report", "", field.getKey(), field.getValue());
                    } else {
                        rows(printer, field.getKey(), "", "", field.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as a spreadsheet may show it: never the start of a formula. */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static void rows(CSVPrinter printer, String section, String isp, String path, JsonNode node)
            throws IOException {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                rows(printer, section, isp, path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rows(printer, section, isp, path + "[" + i + "]", node.get(i));
            }
        } else {
            printer.printRecord(neutralised(section), neutralised(isp), neutralised(path),
                    neutralised(node.isNull() ? "" : node.asText()));
        }
    }
}
