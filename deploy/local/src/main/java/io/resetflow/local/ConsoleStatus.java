package io.resetflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.local.mail.LocalMailServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A compact campaign status on the console, every few seconds: campaign day and time (Tokyo),
 * mailboxes notified and reminded, the share remediated and the mails per second the SMTP server
 * took since the last line. On a terminal the line is rewritten in place.
 */
public final class ConsoleStatus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final CampaignClock clock;
    private final URI tenants;
    private final String authorization;
    private final LocalMailServer mail;
    private final PrintStream out;
    private final boolean inPlace;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "console-status");
        thread.setDaemon(true);
        return thread;
    });
    private long lastMails;
    private long lastNanos = System.nanoTime();

    public ConsoleStatus(CampaignClock clock, String dashboardUrl, String operationsToken, LocalMailServer mail,
                         PrintStream out, boolean inPlace) {
        this.clock = clock;
        this.authorization = "Bearer " + operationsToken;
        this.tenants = URI.create(dashboardUrl + "api/tenants");
        this.mail = mail;
        this.out = out;
        this.inPlace = inPlace;
        this.lastMails = mail.accepted();
    }

    public ConsoleStatus start(Duration every) {
        timer.scheduleWithFixedDelay(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void print() {
        try {
            String line = line();
            if (inPlace) {
                out.print("\r" + line + "   ");
            } else {
                out.println(line);
            }
            out.flush();
        } catch (RuntimeException | java.io.IOException e) {
            // The next line will tell; a status line must never stop the stack.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String line() throws java.io.IOException, InterruptedException {
        Instant campaignNow = clock.toCampaign(System.currentTimeMillis());
        ZonedDateTime tokyo = campaignNow.atZone(QuietHours.TOKYO);
        // Days count from the campaign's first Tokyo date, so the day changes at midnight with the time shown.
        long day = Math.max(0, ChronoUnit.DAYS.between(clock.start().atZone(QuietHours.TOKYO).toLocalDate(),
                tokyo.toLocalDate()));
        long total = 0;
        long notified = 0;
        long reminded = 0;
        long remediated = 0;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tenants).timeout(Duration.ofSeconds(2))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new java.io.IOException("the tracker answered " + response.statusCode());
        }
        for (JsonNode tenant : JSON.readTree(response.body())) {
            total += tenant.path("total").asLong();
            remediated += tenant.path("remediated").asLong();
            notified += tenant.path("funnel").path("notified").asLong();
            reminded += tenant.path("funnel").path("reminded").asLong();
        }
        long mails = mail.accepted();
        long nanos = System.nanoTime();
        double perSecond = (mails - lastMails) / Math.max(1e-9, (nanos - lastNanos) / 1e9);
        lastMails = mails;
        lastNanos = nanos;
        return String.format(Locale.ROOT, "campaign day %d %s JST | notified %,d | reminded %,d | remediated %.1f%% "
                        + "of %,d | %,.0f mails/s", day, TIME.format(tokyo), notified, reminded,
                total == 0 ? 0 : 100.0 * remediated / total, total, perSecond);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (inPlace) {
            out.println();
        }
    }
}
