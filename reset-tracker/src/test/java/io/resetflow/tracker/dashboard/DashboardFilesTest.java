package io.resetflow.tracker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files and its WebJar libraries, as a browser would fetch them. */
class DashboardFilesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static OpsServer server;

    @BeforeAll
    static void start() {
        server = new OpsServer("127.0.0.1", 0, OpsServer.newRegistry(), () -> true);
        Dashboard.mount(server);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesThePageAtTheRootRevalidatedAndLockedToItsOwnOrigin() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'");
        assertThat(page.body()).contains("是正済み").contains("/webjars/chart.js/dist/chart.umd.min.js")
                .doesNotContain("https://");
    }

    @Test
    void servesScriptsAndStylesWithTheirContentTypes() throws Exception {
        assertThat(get("/dashboard/js/main.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(get("/dashboard/dashboard.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
    }

    @Test
    void servesTheBundledChartJsWithoutAVersionInTheUrlAndCachesIt() throws Exception {
        HttpResponse<String> chart = get("/webjars/chart.js/dist/chart.umd.min.js");

        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(chart.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
        assertThat(chart.body()).contains("Chart.js v4.");
    }

    @Test
    void refusesPathsOutsideTheDashboardAndUnknownFiles() throws Exception {
        assertThat(get("/dashboard/../logback.xml").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/%2e%2e/logback.xml").statusCode()).isEqualTo(404);
        assertThat(get("/webjars/chart.js/../../../../logback.xml").statusCode()).isEqualTo(404);
        assertThat(get("/webjars/chart.js/package.json").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/no-such-library/x.js").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/anything-else").statusCode()).isEqualTo(404);
    }

    @Test
    void leavesHealthAndMetricsToTheirOwnRoutes() throws Exception {
        assertThat(get("/health").body()).contains("UP");
    }

    @Test
    void acceptsOnlyReads() throws Exception {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers
                .ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
