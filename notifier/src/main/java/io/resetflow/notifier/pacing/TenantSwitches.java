package io.resetflow.notifier.pacing;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tenants an operator has paused at run time: their mails wait, nothing is dropped. */
public final class TenantSwitches {

    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    public TenantSwitches(Collection<String> initiallyPaused) {
        paused.addAll(initiallyPaused);
    }

    public void pause(String tenant) {
        paused.add(tenant);
    }

    public void resume(String tenant) {
        paused.remove(tenant);
    }

    public boolean isPaused(String tenant) {
        return paused.contains(tenant);
    }

    public Set<String> paused() {
        return Set.copyOf(paused);
    }
}
