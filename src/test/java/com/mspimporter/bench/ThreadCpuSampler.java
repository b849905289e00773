package com.mspimporter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Polls the CPU time of every thread of a child process from {@code /proc/<pid>/task/<tid>/stat}, and
 * groups the threads by name, so that the JIT compiler, the GC, the HTTP client and the importer's
 * own workers can be distinguished.
 *
 * <p>Each thread keeps the highest CPU time seen, so a thread that exits before the child still
 * counts with its last sample. The CPU it used after that sample is missed, so every figure is a
 * lower bound.
 */
final class ThreadCpuSampler {

    /**
     * Ticks per second of the CPU times in {@code stat} (the kernel's {@code USER_HZ}, printed by
     * {@code getconf CLK_TCK}).
     */
    // NOTE: USER_HZ is 100 on x86 and arm64 Linux. On an architecture with another value, the figures are wrong.
    static final long TICKS_PER_SECOND = 100;

    /** The group that {@link #top(List, int)} folds the smaller groups into. */
    static final String OTHER = "other";

    /** One reading of a thread's {@code stat} file: the thread's name and its CPU time in ticks. */
    record ThreadStat(String name, long startTicks, long cpuTicks) {

        /** Field numbers of {@code proc(5)}, counting the thread id as 1 and its name as 2. */
        private static final int UTIME_FIELD = 14;
        private static final int STIME_FIELD = 15;
        private static final int STARTTIME_FIELD = 22;
        private static final int FIRST_FIELD_AFTER_NAME = 3;

        /**
         * Parses a {@code stat} line. The name sits in parentheses and may itself contain spaces and
         * parentheses, so it ends at the last closing parenthesis of the line.
         *
         * @throws IllegalArgumentException if the line does not have the fields of {@code proc(5)}
         */
        static ThreadStat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("Invalid stat line, the name in parentheses is missing: " + line);
            }
            String[] fields = line.substring(close + 1).strip().split(" ");
            if (fields.length <= STARTTIME_FIELD - FIRST_FIELD_AFTER_NAME) {
                throw new IllegalArgumentException("Invalid stat line, it has " + (fields.length + 2)
                        + " fields instead of at least " + STARTTIME_FIELD + ": " + line);
            }
            long cpuTicks = Long.parseLong(fields[UTIME_FIELD - FIRST_FIELD_AFTER_NAME])
                    + Long.parseLong(fields[STIME_FIELD - FIRST_FIELD_AFTER_NAME]);
            long startTicks = Long.parseLong(fields[STARTTIME_FIELD - FIRST_FIELD_AFTER_NAME]);
            return new ThreadStat(line.substring(open + 1, close), startTicks, cpuTicks);
        }
    }

    /** The CPU time of the threads whose names differ only in their digits. */
    record ThreadGroupCpu(String name, int threads, Duration cpu) {
    }

    /**
     * A thread over the whole run: the thread id with the start time, because the kernel may give an
     * exited thread's id to a new one.
     */
    private record ThreadKey(long threadId, long startTicks) {
    }

    private final Path taskFolder;
    private final Map<ThreadKey, ThreadStat> highest = new HashMap<>();

    /**
     * @param taskFolder the {@code /proc/<pid>/task} folder of the process, with a subfolder per thread
     */
    ThreadCpuSampler(Path taskFolder) {
        this.taskFolder = taskFolder;
    }

    static ThreadCpuSampler of(Process process) {
        return new ThreadCpuSampler(Path.of("/proc", Long.toString(process.pid()), "task"));
    }

    /** Reads every thread's {@code stat} once. A thread or a process that is gone is skipped. */
    synchronized void sample() {
        for (Path thread : listThreads()) {
            readStat(thread).ifPresent(stat -> {
                ThreadKey key = new ThreadKey(Long.parseLong(thread.getFileName().toString()), stat.startTicks());
                highest.merge(key, stat, (old, now) -> now.cpuTicks() >= old.cpuTicks() ? now : old);
            });
        }
    }

    /** Returns the CPU time of each group of threads, the largest first. */
    synchronized List<ThreadGroupCpu> groups() {
        Map<String, List<ThreadStat>> byGroup = highest.values().stream()
                .collect(Collectors.groupingBy(stat -> groupName(stat.name())));
        List<ThreadGroupCpu> groups = new ArrayList<>();
        byGroup.forEach((name, stats) -> {
            long ticks = stats.stream().mapToLong(ThreadStat::cpuTicks).sum();
            groups.add(new ThreadGroupCpu(name, stats.size(), toDuration(ticks)));
        });
        groups.sort(Comparator.comparing(ThreadGroupCpu::cpu).reversed().thenComparing(ThreadGroupCpu::name));
        return groups;
    }

    /**
     * Returns the group name of a thread: its name with every run of digits replaced by {@code N}, so
     * that {@code onboard-3} and {@code onboard-12} both fall into {@code onboard-N}.
     */
    static String groupName(String threadName) {
        return threadName.replaceAll("[0-9]+", "N");
    }

    /**
     * Returns the first {@code limit} groups of a list sorted largest first, followed by one group
     * named {@value #OTHER} with the rest, when there is a rest.
     */
    static List<ThreadGroupCpu> top(List<ThreadGroupCpu> groups, int limit) {
        if (groups.size() <= limit) {
            return groups;
        }
        List<ThreadGroupCpu> rest = groups.subList(limit, groups.size());
        int threads = rest.stream().mapToInt(ThreadGroupCpu::threads).sum();
        Duration cpu = rest.stream().map(ThreadGroupCpu::cpu).reduce(Duration.ZERO, Duration::plus);
        List<ThreadGroupCpu> folded = new ArrayList<>(groups.subList(0, limit));
        folded.add(new ThreadGroupCpu(OTHER, threads, cpu));
        return folded;
    }

    private List<Path> listThreads() {
        List<Path> threads = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(taskFolder)) {
            folders.forEach(threads::add);
        }
        catch (IOException | UncheckedIOException ex) {
            // the process has exited, or this is not Linux
        }
        return threads;
    }

    private static Optional<ThreadStat> readStat(Path thread) {
        try {
            // decodes leniently, because a program may give a thread a name that is not valid UTF-8
            byte[] stat = Files.readAllBytes(thread.resolve("stat"));
            return Optional.of(ThreadStat.parse(new String(stat, StandardCharsets.UTF_8)));
        }
        catch (IOException ex) {
            // the thread exited between the listing and the read
            return Optional.empty();
        }
    }

    private static Duration toDuration(long ticks) {
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }
}
