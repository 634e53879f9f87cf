package io.resetflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert rules are valid for Prometheus and fire when they should (promtool's rule unit tests). */
class PrometheusRulesTest {

    private record Result(int exitCode, String output) {
    }

    @BeforeAll
    static void requirePromtool() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/promtool"));
        if (!present) {
            System.err.println("NOTICE: promtool not found: the Prometheus rule checks are SKIPPED. "
                    + "Install Debian's prometheus package (CI's .ci/run does).");
        }
        assumeTrue(present, "promtool (Debian package prometheus) is needed");
    }

    @Test
    void rulesAndScrapeConfigAreValid() throws Exception {
        Result rules = promtool("check", "rules", MonitoringAssets.RULES.toString());
        Result config = promtool("check", "config", "--syntax-only", MonitoringAssets.PROMETHEUS_CONFIG.toString());

        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS: 10 rules found");
        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void alertsFireOnStalledProgressHighBouncesAndADownService() throws Exception {
        Result tests = promtool("test", "rules", MonitoringAssets.RULE_TESTS.toString());

        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS");
    }

    private static Result promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
