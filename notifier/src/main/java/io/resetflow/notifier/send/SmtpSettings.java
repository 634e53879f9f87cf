package io.resetflow.notifier.send;

import java.time.Duration;
import java.util.Optional;

/**
 * One SMTP relay and how the notifier uses it: {@code connections} kept open and reused, each used by
 * one sending thread at a time; a connection idle longer than {@code idleReconnect} is reopened before use
 * (relays drop idle sessions and the first mail on a dead one would only be deferred).
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password,
                           boolean startTls, int connections, Duration timeout, Duration idleReconnect,
                           String heloName) {

    public SmtpSettings {
        if (connections < 1) {
            throw new IllegalArgumentException("smtp connections must be at least 1");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("smtp port out of range: " + port);
        }
    }

    public static SmtpSettings plain(String host, int port, int connections) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), false, connections,
                Duration.ofSeconds(30), Duration.ofSeconds(20), "localhost");
    }

    public SmtpSettings withConnections(int count) {
        return new SmtpSettings(host, port, username, password, startTls, count, timeout, idleReconnect, heloName);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + username.orElse("-") + ", startTls=" + startTls
                + ", connections=" + connections + ", timeout=" + timeout + "]";
    }
}
