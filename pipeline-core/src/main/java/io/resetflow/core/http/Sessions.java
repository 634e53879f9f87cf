package io.resetflow.core.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's signed-in sessions: a random id in an HttpOnly cookie, and with it the caller and
 * the session's CSRF token. Bounded in number and expired when idle; held by the instance that
 * signed the browser in (its peers are asked with the service token).
 */
public final class Sessions {

    public record Session(String id, Caller caller, String csrfToken) {

        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Cache<String, Session> sessions;

    public Sessions(Duration idle, long maximum) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maximum).build();
    }

    public Session create(Caller caller) {
        Session session = new Session(ApiTokens.newToken(), caller, ApiTokens.newToken());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void end(String id) {
        sessions.invalidate(id);
    }
}
