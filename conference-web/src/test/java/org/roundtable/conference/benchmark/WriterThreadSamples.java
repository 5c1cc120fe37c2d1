package org.roundtable.conference.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Where a server's plan writer thread (the one thread that stores every change and then announces
 * it, PlanWriter) spends its time, from the outside: the server's JVM is attached to (its local
 * JMX agent) and the writer's stack looked at every 20 ms. Each look is put in one bucket: waiting
 * for work, in the database, sending to the other nodes (ClusterSignals' replicated put), or
 * anything else (applying, telling the rooms). A cheap sampler: one thread's stack per look.
 */
final class WriterThreadSamples {

    private WriterThreadSamples() {
    }

    /** Looks at the writer of the JVM with this pid for so many milliseconds; a line saying what it found, or why nothing. */
    static String sample(long pid, long millis) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                        ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
                long writer = -1;
                for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                    if (info != null && contains(info.getStackTrace(), "PlanWriter.run")) {
                        writer = info.getThreadId();
                    }
                }
                if (writer < 0) {
                    return "plan writer thread not found";
                }
                Map<String, Integer> buckets = new LinkedHashMap<>();
                for (String bucket : new String[] {"waiting for work", "in the database", "sending to the other node (replicated put)",
                        "other (applying, telling the rooms)"}) {
                    buckets.put(bucket, 0);
                }
                int looks = 0;
                long end = System.nanoTime() + millis * 1_000_000;
                while (System.nanoTime() < end) {
                    ThreadInfo info = threads.getThreadInfo(writer, 64);
                    if (info != null) {
                        looks++;
                        buckets.merge(bucketOf(info.getStackTrace()), 1, Integer::sum);
                    }
                    Thread.sleep(20);
                }
                var line = new StringBuilder().append(looks).append(" looks:");
                int total = looks;
                buckets.forEach((bucket, count) -> line.append(String.format(" %s %.0f%%;", bucket, count * 100.0 / Math.max(1, total))));
                return line.substring(0, line.length() - 1);
            }
        } catch (Exception e) {
            return "not sampled (" + e + ")";
        }
    }

    private static String bucketOf(StackTraceElement[] stack) {
        if (contains(stack, "ClusterSignals.send")) {
            return "sending to the other node (replicated put)";
        }
        if (stack.length > 0 && contains(stack, "BlockingQueue.take")) {
            return "waiting for work";
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.postgresql")) {
                return "in the database";
            }
        }
        return "other (applying, telling the rooms)";
    }

    private static boolean contains(StackTraceElement[] stack, String classAndMethod) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            String simple = name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            if (simple.equals(classAndMethod) || simple.endsWith("$" + classAndMethod) || simple.endsWith(classAndMethod)) {
                return true;
            }
        }
        return false;
    }
}
