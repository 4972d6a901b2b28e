package gap.core.shard;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives this process's peak memory for the run's closing line: the peak resident set ({@code VmHWM}, what
 * {@code /usr/bin/time} reports as maximum RSS) where Linux tells it, else the sum of the JVM heap pools' peaks.
 */
public final class PeakMemory {
    private PeakMemory() {}

    /** Peak memory in bytes and what was measured, e.g. "peak RSS". */
    public record Reading(long bytes, String what) {
        public long mebibytes() {
            return bytes >> 20;
        }
    }

    public static Reading read() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        String[] f = line.substring("VmHWM:".length()).trim().split("\\s+");
                        return new Reading(Long.parseLong(f[0]) * 1024, "peak RSS");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux after all: fall back to the JVM's own account
            }
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new Reading(heap, "peak heap");
    }
}
