package io.resetflow.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Prometheus rules and the Grafana dashboard under deploy/, and the metric names they query. */
public final class MonitoringAssets {

    public static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();
    public static final Path RULES = DEPLOY.resolve("prometheus/rules/resetflow-alerts.yml");
    public static final Path RULE_TESTS = DEPLOY.resolve("prometheus/rules/resetflow-alerts.test.yml");
    public static final Path PROMETHEUS_CONFIG = DEPLOY.resolve("prometheus/prometheus.yml");
    public static final Path DASHBOARD = DEPLOY.resolve("grafana/resetflow-dashboard.json");

    private static final Pattern METRIC = Pattern.compile("\\b((?:resetflow|kafka|jvm|process|system)_[a-z0-9_]+)\\b");
    private static final Pattern EXPR = Pattern.compile("(?m)^\\s*expr:\\s*(\\|\\s*\\n((?:\\s{10,}.*\\n?)+)|.*)$");

    private MonitoringAssets() {
    }

    /** Metric names the alert rules and the dashboard panels query. */
    public static Set<String> referencedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher exprs = EXPR.matcher(Files.readString(RULES));
        while (exprs.find()) {
            collect(exprs.group(1), names);
        }
        dashboardExpressions().forEach(expr -> collect(expr, names));
        return names;
    }

    public static Stream<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Stream.Builder<String> exprs = Stream.builder();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs.build();
    }

    private static void collect(String expression, Set<String> names) {
        Matcher metric = METRIC.matcher(expression);
        while (metric.find()) {
            names.add(metric.group(1));
        }
    }
}
