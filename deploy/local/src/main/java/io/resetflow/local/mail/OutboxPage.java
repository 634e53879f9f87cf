package io.resetflow.local.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.core.ops.OpsServer;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/** A page listing the mails the local SMTP server accepted, newest first; refreshes itself. */
public final class OutboxPage implements HttpHandler {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

    private final LocalMailServer mail;
    private final Map<String, String> dkimRecords;

    /** {@code dkimRecords}: the TXT record each tenant publishes, shown above the list. */
    public OutboxPage(LocalMailServer mail, Map<String, String> dkimRecords) {
        this.mail = mail;
        this.dkimRecords = Map.copyOf(dkimRecords);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="ja"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="5"><title>送信済みメール Outbox — ResetFlow local</title>
                <style>body{font-family:"Noto Sans CJK JP","Hiragino Sans",system-ui,sans-serif;margin:2rem;color:#1f2937}
                table{border-collapse:collapse;width:100%;font-size:14px}th,td{padding:.4rem .6rem;border-bottom:1px solid #e5e7eb;
                text-align:left}th{background:#f3f4f6}h1{font-size:1.4rem}.muted{color:#6b7280}</style></head><body>
                """);
        html.append("<h1>送信済みメール Outbox</h1><p class=\"muted\">")
                .append(mail.accepted()).append(" mails accepted by the local SMTP server; IMAP on port ")
                .append(mail.imapPort()).append(" (login ").append(LocalMailServer.OUTBOX_LOGIN).append(" / ")
                .append(LocalMailServer.OUTBOX_PASSWORD).append(") holds the latest ones. DKIM: ")
                .append(mail.dkimFailures()).append(" missing or failed.</p>")
                .append("<details><summary>DKIM DNS records (TXT) each ISP publishes</summary><pre>");
        new TreeMap<>(dkimRecords).values().forEach(record -> html.append(escape(record)).append('\n'));
        html.append("</pre></details>")
                .append("<table><tr><th>時刻 Time (JST)</th><th>差出人 From</th><th>宛先 To</th><th>件名 Subject</th>")
                .append("<th>Message-ID</th><th>Bytes</th><th>DKIM</th></tr>");
        for (SentMail sent : mail.recent()) {
            html.append("<tr><td>").append(TIME.format(sent.receivedAt())).append("</td><td>")
                    .append(escape(sent.from())).append("</td><td>").append(escape(sent.to())).append("</td><td>")
                    .append(escape(sent.subject())).append("</td><td>").append(escape(sent.messageId()))
                    .append("</td><td>").append(sent.sizeBytes()).append("</td><td>").append(escape(sent.dkim()))
                    .append("</td></tr>");
        }
        html.append("</table></body></html>");
        OpsServer.respond(exchange, 200, "text/html; charset=utf-8", html.toString());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
