package io.resetflow.core.ops;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * A service's HTTP server: {@code /health} (200 only while ready, else 503) and {@code /metrics}
 * (Prometheus text format); services add their own contexts (APIs, dashboard). With a {@link Guard},
 * every context is authenticated unless the guard leaves it open, and the server speaks TLS when the
 * guard has a certificate.
 */
public final class OpsServer implements AutoCloseable {

    public static final String NODELAY = "sun.net.httpserver.nodelay";
    /** Seconds a client may take to send a request's headers, and to take a response. */
    static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    static final String MAX_RESPONSE_SECONDS = "sun.net.httpserver.maxRspTime";

    static {
        preferNoDelay();
    }

    /** Who may reach a context, and the server's TLS. */
    public interface Guard {

        /** No authentication: the local outbox page and intake's health and metrics. */
        Guard NONE = new Guard() {
            @Override
            public Filter required() {
                return null;
            }

            @Override
            public Filter optional() {
                return null;
            }

            @Override
            public boolean isOpen(String endpoint) {
                return true;
            }

            @Override
            public Optional<SSLContext> tls() {
                return Optional.empty();
            }
        };

        /** Lets only authenticated callers through. */
        Filter required();

        /** Lets everyone through, naming the caller when there is one. */
        Filter optional();

        /** Whether {@code /health} or {@code /metrics} is open to anyone. */
        boolean isOpen(String endpoint);

        Optional<SSLContext> tls();
    }

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, delayed ACKs then
     * hold every response for ~40 ms. It also waits for a slow client for ever unless told a limit: a
     * request gets 10 s to arrive, a response 30 s to be taken. These take effect only before the
     * first HttpServer of the JVM exists, so entry points that start other HTTP servers first call
     * this early; an operator's setting wins.
     */
    public static void preferNoDelay() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
            System.setProperty(MAX_REQUEST_SECONDS, "10");
        }
        if (System.getProperty(MAX_RESPONSE_SECONDS) == null) {
            System.setProperty(MAX_RESPONSE_SECONDS, "30");
        }
    }

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final Guard guard;
    private volatile BooleanSupplier live = () -> true;

    public OpsServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this(host, port, registry, ready, Guard.NONE);
    }

    public OpsServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready, Guard guard) {
        this.registry = registry;
        this.guard = guard;
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (guard.tls().isPresent()) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(guard.tls().get()));
                this.server = https;
            } else {
                this.server = HttpServer.create(address, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        // The JDK server reads a request's headers on an executor thread: with a bounded pool, a few clients
        // sending them byte by byte would hold every thread (and /health) until the request time limit.
        // Threads on demand, idle ones let go after a minute, keep every other caller served meanwhile.
        server.setExecutor(Executors.newCachedThreadPool());
        // /health/live: the process can still do its work (a supervisor restarts it when not);
        // /health/ready and /health: it does its work now (a load balancer sends it traffic).
        guarded(server.createContext("/health", exchange -> {
            String path = exchange.getRequestURI().getPath();
            BooleanSupplier check = path.equals("/health/live") ? live
                    : path.equals("/health") || path.equals("/health/ready") ? ready : null;
            if (check == null) {
                respond(exchange, 404, "application/json", "{\"status\":\"UNKNOWN\"}");
                return;
            }
            boolean up = check.getAsBoolean();
            respond(exchange, up ? 200 : 503, "application/json",
                    up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        }), !guard.isOpen("/health"));
        guarded(server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape())),
                !guard.isOpen("/metrics"));
    }

    private HttpContext guarded(HttpContext context, boolean authenticated) {
        Filter filter = authenticated ? guard.required() : guard.optional();
        if (filter != null) {
            context.getFilters().add(filter);
        }
        return context;
    }

    /** A registry with the JVM and process meters every service reports. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** What {@code /health/live} answers: while false, the supervisor should restart the process. */
    public OpsServer liveWhile(BooleanSupplier live) {
        this.live = live;
        return this;
    }

    /** A context only authenticated callers reach (everyone, without a guard). */
    public OpsServer route(String path, HttpHandler handler) {
        guarded(server.createContext(path, handler), true);
        return this;
    }

    /** A context anyone reaches, such as the dashboard's static files and its sign-in. */
    public OpsServer routePublic(String path, HttpHandler handler) {
        guarded(server.createContext(path, handler), false);
        return this;
    }

    public OpsServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String contentType,
                               String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
