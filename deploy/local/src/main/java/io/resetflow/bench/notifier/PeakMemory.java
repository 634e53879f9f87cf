package io.resetflow.bench.notifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples heap use every 200 ms; the peak RSS comes from the kernel. */
final class PeakMemory implements AutoCloseable {

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-memory");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakHeap = new AtomicLong();

    static PeakMemory start() {
        PeakMemory memory = new PeakMemory();
        memory.sampler.scheduleAtFixedRate(() -> memory.peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        return memory;
    }

    long peakHeapMiB() {
        return peakHeap.get() >> 20;
    }

    /** VmHWM of /proc/self/status; -1 where there is no procfs. */
    long peakRssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
