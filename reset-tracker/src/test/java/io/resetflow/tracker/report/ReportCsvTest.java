package io.resetflow.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void everyCellASpreadsheetWouldTakeForAFormulaIsNeutralisedAndTheFileOpensAsUtf8WithCrlf() throws Exception {
        ObjectNode report = new ObjectMapper().createObjectNode();
        report.put("kind", "INTERIM");
        ObjectNode nifty = report.putObject("sections").putObject("=evil");
        nifty.put("name", "=HYPERLINK(\"http://x.example/\",\"click\")");
        nifty.put("nameJa", "+SUM(A1:A9)");
        nifty.putObject("brands").put("b", "@import").put("c", "-2+3").put("d", "\tindent").put("e", "\rcr");
        nifty.putObject("mailboxes").put("accepted", 10);

        StringWriter out = new StringWriter();
        ReportCsv.write(report, out);
        String csv = out.toString();

        assertThat(csv).startsWith("\uFEFFsection,isp,item,value\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows).extracting(r -> r.get("item") + "=" + r.get("value")).containsExactly(
                "kind=INTERIM",
                "name='=HYPERLINK(\"http://x.example/\",\"click\")",
                "nameJa='+SUM(A1:A9)",
                "brands.b='@import",
                "brands.c='-2+3",
                "brands.d='\tindent",
                "brands.e='\rcr",
                "mailboxes.accepted=10");
        assertThat(rows.get(1).get("isp")).isEqualTo("'=evil");
        assertThat(rows).allSatisfy(r -> r.forEach(cell ->
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));
    }
}
