package org.roundtable.conference.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time (user + system) of processes, read from /proc, in seconds. */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    public static double seconds(List<Long> pids) {
        return seconds(pids, false);
    }

    /** Only the time spent in the kernel on the processes' behalf (system calls: sockets, files, waking threads). */
    public static double kernelSeconds(List<Long> pids) {
        return seconds(pids, true);
    }

    private static double seconds(List<Long> pids, boolean kernelOnly) {
        double total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command: state is field 3, utime 14 and stime 15 (1-based) of the whole line.
                total += ((kernelOnly ? 0 : Long.parseLong(fields[11])) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                // The process ended: its time is gone with it (postgres backends come and go).
            }
        }
        return total;
    }

    /** The embedded PostgreSQL's processes: the postmaster and its backends. */
    public static List<Long> postgres() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("embedded-pg") || c.endsWith("/postgres")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
