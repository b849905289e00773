package com.mspimporter.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summary of the CPU samples ({@code jdk.ExecutionSample}) of a Java Flight Recorder file: which
 * threads, which code outside the JDK, and which methods the importer's CPU time went to. The
 * {@code profile} settings of JDK 17 ({@code lib/jfr/profile.jfc}) sample threads that run Java
 * code every 10 ms. Time spent in native code, such as waiting for a socket, is not sampled.
 */
final class JfrProfile {

    private static final int TOP = 12;

    private final Map<String, Long> byThread = new HashMap<>();
    private final Map<String, Long> byLibrary = new HashMap<>();
    private final Map<String, Long> byLibraryMethod = new HashMap<>();
    private final Map<String, Long> byMethod = new HashMap<>();
    private final Map<String, Long> byImporterMethod = new HashMap<>();
    private final Map<String, Long> waitMillisByCause = new HashMap<>();
    private long samples;

    /** Returns the JVM option that makes the child record CPU samples into a file until it exits. */
    static String jvmOption(Path file) {
        return "-XX:StartFlightRecording=filename=" + file.toAbsolutePath() + ",settings=profile,dumponexit=true";
    }

    /** Reads the CPU samples taken between two moments, to profile one phase. */
    static JfrProfile read(Path file, Instant from, Instant to) throws IOException {
        JfrProfile profile = new JfrProfile();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> profile.add(event);
                    case "jdk.JavaMonitorEnter" -> profile.addWait(event, "monitor " + className(event, "monitorClass"));
                    case "jdk.ThreadPark" -> profile.addWait(event, "park on " + className(event, "parkedClass"));
                    default -> {
                        // other events of the recording are not summarised
                    }
                }
            }
        }
        return profile;
    }

    void print(PrintStream out, String phase) {
        out.println();
        out.printf(Locale.ROOT, "CPU samples of the importer during %s: %d%n", phase, samples);
        if (samples == 0) {
            return;
        }
        printTop(out, "by thread (numbers stripped)", byThread);
        printTop(out, "by first frame outside the JDK (package), else the JDK frame", byLibrary);
        printTop(out, "by first frame outside the JDK (method), else the JDK frame", byLibraryMethod);
        printTop(out, "by running method", byMethod);
        printTop(out, "by innermost importer method on the stack", byImporterMethod);
        out.println("  blocked time of threads, in seconds, by lock and innermost importer method"
                + " (only waits of 10 ms or more are recorded):");
        waitMillisByCause.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach(entry -> out.printf(Locale.ROOT, "    %7.1f s  %s%n", entry.getValue() / 1000.0,
                        entry.getKey()));
    }

    private void addWait(RecordedEvent event, String cause) {
        RecordedStackTrace stack = event.getStackTrace();
        String importerMethod = "(no importer frame)";
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.getMethod().getType().getName().startsWith("com.mspimporter.")) {
                    importerMethod = methodOf(frame);
                    break;
                }
            }
        }
        waitMillisByCause.merge(cause + " in " + importerMethod, event.getDuration().toMillis(), Long::sum);
    }

    private static String className(RecordedEvent event, String field) {
        RecordedClass type = event.hasField(field) ? event.getClass(field) : null;
        return type == null ? "unknown" : type.getName();
    }

    private void add(RecordedEvent event) {
        samples++;
        RecordedThread thread = event.getThread("sampledThread");
        String threadName = thread == null || thread.getJavaName() == null ? "unknown" : thread.getJavaName();
        byThread.merge(threadName.replaceAll("[0-9]+", "N"), 1L, Long::sum);

        RecordedStackTrace stack = event.getStackTrace();
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        if (frames.isEmpty()) {
            return;
        }
        byMethod.merge(methodOf(frames.get(0)), 1L, Long::sum);
        String library = null;
        String libraryMethod = null;
        String importerMethod = "(no importer frame)";
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (library == null && !isJdk(type)) {
                library = packageOf(type);
                libraryMethod = methodOf(frame);
            }
            if (type.startsWith("com.mspimporter.")) {
                importerMethod = methodOf(frame);
                break;
            }
        }
        byLibrary.merge(library == null ? "JDK: " + packageOf(frames.get(0).getMethod().getType().getName())
                : library, 1L, Long::sum);
        byLibraryMethod.merge(libraryMethod == null ? "JDK: " + methodOf(frames.get(0)) : libraryMethod, 1L,
                Long::sum);
        byImporterMethod.merge(importerMethod, 1L, Long::sum);
    }

    private void printTop(PrintStream out, String title, Map<String, Long> counts) {
        out.println("  " + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach(entry -> out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * entry.getValue() / samples,
                        entry.getKey()));
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("javax.");
    }

    /** Returns the first three segments of a class's package, enough to tell libraries apart. */
    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        int segments = Math.min(3, parts.length - 1);
        return String.join(".", List.of(parts).subList(0, Math.max(segments, 1)));
    }

    private static String methodOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}
