package io.resetflow.tracker.http;

import io.resetflow.core.http.AccessFilter;
import io.resetflow.core.http.Caller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another tracker instance (its {@code application.server}) for what it holds, with the
 * service token and the name and role of the caller it asks for: the peer answers with exactly that
 * caller's rights.
 */
public final class PeerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final String scheme;
    private final Optional<String> serviceToken;

    public PeerClient(String scheme, Optional<SSLContext> tls, Optional<String> serviceToken) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
        this.scheme = scheme;
        this.serviceToken = serviceToken;
    }

    public record Answer(int status, String body, String retryAfter) {
    }

    /** {@code pathAndQuery} must already carry {@code scope=local}, so the peer does not forward again. */
    public Answer get(HostInfo host, String pathAndQuery, Caller caller) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://" + host.host() + ":"
                        + host.port() + pathAndQuery)).timeout(TIMEOUT).GET()
                .header(AccessFilter.ON_BEHALF_HEADER, caller.name() + " " + caller.roleText());
        serviceToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + host, e);
        }
    }
}
