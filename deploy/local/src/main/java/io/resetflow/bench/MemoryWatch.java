package io.resetflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples heap use every 200 ms, reads the process's peak RSS from the kernel and state size from disk. */
public final class MemoryWatch implements AutoCloseable {

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "memory-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakHeap = new AtomicLong();

    public static MemoryWatch start() {
        MemoryWatch watch = new MemoryWatch();
        watch.sampler.scheduleAtFixedRate(() -> watch.peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        return watch;
    }

    public long peakHeapMiB() {
        return peakHeap.get() >> 20;
    }

    /** VmHWM of /proc/self/status; -1 where there is no procfs. */
    public static long peakRssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Kibibytes {@code du -sk} reports for {@code dir} (RocksDB files come and go while it is walked). */
    public static long diskKiB(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).start();
            String out = new String(du.getInputStream().readAllBytes()).trim();
            du.waitFor();
            return out.isEmpty() ? -1 : Long.parseLong(out.split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
