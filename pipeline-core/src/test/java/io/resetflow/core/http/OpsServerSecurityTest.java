package io.resetflow.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.ops.OpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations server over TLS (PKCS#12 and PEM), with its open and guarded endpoints, and under slow clients. */
class OpsServerSecurityTest {

    private static final String TOKEN = ApiTokens.newToken();
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static Path keystore;

    @BeforeAll
    static void makeASelfSignedCertificate() throws Exception {
        keystore = dir.resolve("api.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void servesHttpsFromAPkcs12KeystoreWithSecureSessionCookies() throws Exception {
        ApiSecurity security = security(Map.of(CommonConfig.HTTP_TLS_KEYSTORE, keystore.toString(),
                CommonConfig.HTTP_TLS_KEYSTORE_PASSWORD, new String(PASSWORD)));
        try (OpsServer server = server(security)) {
            HttpClient https = HttpClient.newBuilder().sslContext(TlsContexts.trusting(keystore, PASSWORD)).build();

            assertThat(https.send(get(server, "https", "/health").build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(https.send(get(server, "https", "/api").build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            assertThat(https.send(get(server, "https", "/api").header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("alice");
            HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                            + server.port() + "/api/session")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"token\":\"" + TOKEN + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).endsWith("; HttpOnly; SameSite=Strict; Secure"));
        }
    }

    @Test
    void servesHttpsFromAPemCertificateAndKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        Path certificate = dir.resolve("api.crt");
        Path key = dir.resolve("api.key");
        Files.writeString(certificate, pem("CERTIFICATE", store.getCertificate("api").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", store.getKey("api", PASSWORD).getEncoded()));
        ApiSecurity security = security(Map.of(CommonConfig.HTTP_TLS_CERTIFICATE, certificate.toString(),
                CommonConfig.HTTP_TLS_KEY, key.toString()));
        try (OpsServer server = server(security)) {
            SSLContext trusting = TlsContexts.trusting(certificate, new char[0]);
            HttpClient https = HttpClient.newBuilder().sslContext(trusting).build();

            assertThat(https.send(get(server, "https", "/api").header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("alice");
        }
    }

    @Test
    void protectsMetricsWhenConfiguredAndKeepsHealthOpen() throws Exception {
        ApiSecurity security = security(Map.of(CommonConfig.HTTP_OPEN_ENDPOINTS, "/health"));
        try (OpsServer server = server(security)) {
            HttpClient http = HttpClient.newHttpClient();

            assertThat(http.send(get(server, "http", "/health").build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(http.send(get(server, "http", "/metrics").build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            assertThat(http.send(get(server, "http", "/metrics").header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersHealthWhileManySlowClientsAreStillSendingTheirHeaders() throws Exception {
        try (OpsServer server = server(security(Map.of()))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port());
                    OutputStream out = socket.getOutputStream();
                    out.write("GET /health HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }

                HttpResponse<String> health = HttpClient.newHttpClient().send(get(server, "http", "/health").build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(health.statusCode()).isEqualTo(200);
                // The marker: every slow client is still connected, so /health did not wait for them to time out
                for (Socket socket : slow) {
                    socket.setSoTimeout(1);
                    try {
                        assertThat(socket.getInputStream().read()).isNotEqualTo(-1);
                    } catch (SocketTimeoutException stillWaiting) {
                        // connected, no answer yet: as expected
                    }
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void setsRequestAndResponseTimeLimitsUnlessTheOperatorDid() {
        OpsServer.preferNoDelay();

        assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("10");
        assertThat(System.getProperty("sun.net.httpserver.maxRspTime")).isEqualTo("30");
    }

    private static ApiSecurity security(Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(more);
        values.put(CommonConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("alice"), TOKEN));
        return ApiSecurity.from(new CommonConfig(values), "the test service");
    }

    private static OpsServer server(ApiSecurity security) {
        return new OpsServer("127.0.0.1", 0, OpsServer.newRegistry(), () -> true, security)
                .routePublic("/api/session", security.sessionHandler())
                .route("/api", exchange -> OpsServer.respond(exchange, 200, "text/plain", Caller.of(exchange).name()))
                .start();
    }

    private static HttpRequest.Builder get(OpsServer server, String scheme, String path) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + server.port() + path)).GET();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
