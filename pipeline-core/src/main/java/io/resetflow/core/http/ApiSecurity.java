package io.resetflow.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.ops.OpsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;

/**
 * The operations API's security, from a service's settings: the tokens it accepts, its dashboard
 * sessions, TLS, which of {@code /health} and {@code /metrics} stay open, the per-token limit on
 * address lookups, and the token it presents to its peers.
 */
public final class ApiSecurity implements OpsServer.Guard {

    private static final long MAX_SESSIONS = 10_000;

    private final ApiTokens tokens;
    private final Sessions sessions;
    private final Optional<SSLContext> serverTls;
    private final Optional<SSLContext> peerTls;
    private final Optional<String> peerToken;
    private final List<String> openEndpoints;
    private final CallerRateLimits lookups;
    private final String bindAddress;

    private ApiSecurity(ApiTokens tokens, Sessions sessions, Optional<SSLContext> serverTls,
                        Optional<SSLContext> peerTls, Optional<String> peerToken, List<String> openEndpoints,
                        CallerRateLimits lookups, String bindAddress) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.serverTls = serverTls;
        this.peerTls = peerTls;
        this.peerToken = peerToken;
        this.openEndpoints = openEndpoints;
        this.lookups = lookups;
        this.bindAddress = bindAddress;
    }

    /**
     * Reads the settings; the service refuses to start without a token to accept, since every
     * endpoint beyond the open ones needs one ({@code resetflow api token} makes one).
     */
    public static ApiSecurity from(CommonConfig config, String service) {
        ApiTokens tokens = tokens(config);
        if (tokens.isEmpty()) {
            throw new ConfigException(service + " has no API tokens to accept: set " + CommonConfig.HTTP_TOKENS_FILE
                    + " (lines made by `resetflow api token`) or " + CommonConfig.HTTP_TOKENS);
        }
        String peer = config.getPassword(CommonConfig.HTTP_PEER_TOKEN).value();
        return new ApiSecurity(tokens,
                new Sessions(Duration.ofMinutes(config.getLong(CommonConfig.HTTP_SESSION_IDLE_MINUTES)), MAX_SESSIONS),
                serverTls(config), peerTls(config), peer.isBlank() ? Optional.empty() : Optional.of(peer),
                config.getList(CommonConfig.HTTP_OPEN_ENDPOINTS),
                new CallerRateLimits(config.getLong(CommonConfig.HTTP_LOOKUPS_PER_MINUTE)),
                config.getString(CommonConfig.HTTP_BIND_ADDRESS));
    }

    private static ApiTokens tokens(CommonConfig config) {
        String file = config.getString(CommonConfig.HTTP_TOKENS_FILE);
        ApiTokens inline = ApiTokens.parse(config.getPassword(CommonConfig.HTTP_TOKENS).value(), CommonConfig.HTTP_TOKENS);
        return file.isBlank() ? inline : ApiTokens.read(Path.of(file)).with(inline);
    }

    private static Optional<SSLContext> serverTls(CommonConfig config) {
        String keystore = config.getString(CommonConfig.HTTP_TLS_KEYSTORE);
        String certificate = config.getString(CommonConfig.HTTP_TLS_CERTIFICATE);
        if (!keystore.isBlank()) {
            return Optional.of(TlsContexts.fromPkcs12(Path.of(keystore),
                    config.getPassword(CommonConfig.HTTP_TLS_KEYSTORE_PASSWORD).value().toCharArray()));
        }
        if (!certificate.isBlank()) {
            return Optional.of(TlsContexts.fromPem(Path.of(certificate),
                    Path.of(config.getString(CommonConfig.HTTP_TLS_KEY))));
        }
        return Optional.empty();
    }

    private static Optional<SSLContext> peerTls(CommonConfig config) {
        String truststore = config.getString(CommonConfig.HTTP_TLS_TRUSTSTORE);
        return truststore.isBlank() ? Optional.empty() : Optional.of(TlsContexts.trusting(Path.of(truststore),
                config.getPassword(CommonConfig.HTTP_TLS_TRUSTSTORE_PASSWORD).value().toCharArray()));
    }

    @Override
    public Filter required() {
        return new AccessFilter(tokens, sessions, true);
    }

    @Override
    public Filter optional() {
        return new AccessFilter(tokens, sessions, false);
    }

    @Override
    public boolean isOpen(String endpoint) {
        return openEndpoints.contains(endpoint);
    }

    @Override
    public Optional<SSLContext> tls() {
        return serverTls;
    }

    /** {@code /api/session}, the dashboard's sign-in and sign-out. */
    public HttpHandler sessionHandler() {
        return new SessionHandler(tokens, sessions, serverTls.isPresent());
    }

    /** The scheme peers are asked on, the TLS they are asked with, and the token they are asked with. */
    public String peerScheme() {
        return serverTls.isPresent() ? "https" : "http";
    }

    public Optional<SSLContext> peerTls() {
        return peerTls;
    }

    public Optional<String> peerToken() {
        return peerToken;
    }

    public CallerRateLimits lookups() {
        return lookups;
    }

    public String bindAddress() {
        return bindAddress;
    }
}
