package io.resetflow.tracker.progress;

/** Keys of partial progress records: {@code tenant|partition}; they are partitioned by the tenant alone. */
public final class PartialKeys {

    private PartialKeys() {
    }

    public static String key(String tenant, int partition) {
        return tenant + "|" + partition;
    }

    public static String tenantOf(String key) {
        int bar = key.lastIndexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }
}
