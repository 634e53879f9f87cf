package io.resetflow.core.ops;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A service's HTTP server: {@code /health} (200 only while ready, else 503) and {@code /metrics}
 * (Prometheus text format); services add their own contexts (APIs, dashboard).
 */
public final class OpsServer implements AutoCloseable {

    public static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        preferNoDelay();
    }

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, delayed ACKs then
     * hold every response for ~40 ms. Takes effect only before the first HttpServer of the JVM exists,
     * so entry points that start other HTTP servers first call it early; an operator's setting wins.
     */
    public static void preferNoDelay() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;

    public OpsServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this.registry = registry;
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", exchange -> {
            boolean up = ready.getAsBoolean();
            respond(exchange, up ? 200 : 503, "application/json",
                    up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
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

    public OpsServer route(String path, HttpHandler handler) {
        server.createContext(path, handler);
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
