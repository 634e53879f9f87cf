package io.resetflow.tracker.http;

import io.resetflow.core.http.Caller;
import io.resetflow.tracker.query.TrackerQueryService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/** Asks every other instance for its local share of an answer; any failure makes the whole answer unavailable. */
final class FanOut {

    static final class PeerUnavailable extends Exception {
        PeerUnavailable(String message) {
            super(message);
        }
    }

    private final TrackerQueryService queries;
    private final PeerClient peers;

    FanOut(TrackerQueryService queries, PeerClient peers) {
        this.queries = queries;
        this.peers = peers;
    }

    <T> List<T> fromPeers(String localPathAndQuery, Class<T> type, Caller caller) throws PeerUnavailable {
        List<T> answers = new ArrayList<>();
        for (HostInfo host : queries.peers()) {
            try {
                PeerClient.Answer answer = peers.get(host, localPathAndQuery, caller);
                if (answer.status() != 200) {
                    throw new PeerUnavailable(host.host() + ":" + host.port() + " answered " + answer.status());
                }
                answers.add(Responses.JSON.readValue(answer.body(), type));
            } catch (IOException e) {
                throw new PeerUnavailable(host.host() + ":" + host.port() + " did not answer");
            }
        }
        return answers;
    }

    <T> T single(HostInfo host, String localPathAndQuery, Class<T> type, Caller caller) throws PeerUnavailable {
        try {
            PeerClient.Answer answer = peers.get(host, localPathAndQuery, caller);
            if (answer.status() != 200) {
                throw new PeerUnavailable(host.host() + ":" + host.port() + " answered " + answer.status());
            }
            return Responses.JSON.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new PeerUnavailable(host.host() + ":" + host.port() + " did not answer");
        }
    }
}
