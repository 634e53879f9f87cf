package io.resetflow.tracker.http;

import com.sun.net.httpserver.HttpExchange;
import io.resetflow.core.http.Caller;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.query.QueryResult;
import java.io.IOException;
import org.apache.kafka.streams.state.HostInfo;

/** Writes a query result: the value, the peer's answer for a key held elsewhere, 404 or 503. */
final class Relay {

    private final PeerClient peers;

    Relay(PeerClient peers) {
        this.peers = peers;
    }

    void send(HttpExchange exchange, QueryResult<?> result, String localPathAndQuery) throws IOException {
        if (result instanceof QueryResult.Found<?> found) {
            Responses.json(exchange, 200, found.value());
        } else if (result instanceof QueryResult.OnAnotherInstance<?> remote) {
            forward(exchange, remote.host(), localPathAndQuery);
        } else if (result instanceof QueryResult.NotFound<?>) {
            Responses.error(exchange, 404, "not found");
        } else if (result instanceof QueryResult.Unavailable<?> unavailable) {
            Responses.unavailable(exchange, unavailable.reason());
        }
    }

    private void forward(HttpExchange exchange, HostInfo host, String pathAndQuery) throws IOException {
        PeerClient.Answer answer;
        try {
            answer = peers.get(host, pathAndQuery, Caller.of(exchange));
        } catch (IOException e) {
            Responses.unavailable(exchange, "instance " + host.host() + ":" + host.port() + " did not answer");
            return;
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        OpsServer.respond(exchange, answer.status(), Responses.JSON_TYPE, answer.body());
    }
}
