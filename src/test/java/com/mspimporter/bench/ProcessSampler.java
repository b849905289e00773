package com.mspimporter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.sun.management.OperatingSystemMXBean;

/**
 * Polls a child process for its peak resident memory and CPU time, and this JVM for its own CPU
 * time, which is mostly the stand-in API serving the child. The CPU times at the phase
 * boundaries show where the work goes even when other processes slow the wall clock down.
 */
final class ProcessSampler {

    /** CPU times used so far by the child and by this JVM, at one moment. */
    record Sample(Instant time, Duration childCpu, Duration ownCpu) {
    }

    private final Process child;
    private final Path status;
    private final OperatingSystemMXBean ownJvm;
    private final List<Sample> samples = new ArrayList<>();
    private long peakResidentKib = -1;

    ProcessSampler(Process child) {
        this.child = child;
        this.status = Path.of("/proc", Long.toString(child.pid()), "status");
        this.ownJvm = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    /** Takes one sample; a child that has just exited leaves the previous readings in place. */
    synchronized void sample() {
        Optional<Duration> childCpu = child.info().totalCpuDuration();
        if (childCpu.isPresent()) {
            samples.add(new Sample(Instant.now(), childCpu.get(), Duration.ofNanos(ownJvm.getProcessCpuTime())));
        }
        readPeakResident();
    }

    /** Returns the peak resident set size ({@code VmHWM}) in bytes, or empty without {@code /proc}. */
    synchronized OptionalLong peakResidentBytes() {
        return peakResidentKib < 0 ? OptionalLong.empty() : OptionalLong.of(peakResidentKib * 1024);
    }

    /** Returns the last sample taken at or before a moment, or the first one when none was. */
    synchronized Optional<Sample> at(Instant moment) {
        Sample found = null;
        for (Sample sample : samples) {
            if (sample.time().isAfter(moment)) {
                break;
            }
            found = sample;
        }
        if (found == null && !samples.isEmpty()) {
            found = samples.get(0);
        }
        return Optional.ofNullable(found);
    }

    synchronized Optional<Sample> last() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }

    private void readPeakResident() {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    // the kernel keeps the high-water mark, so the last reading is the peak so far
                    long kib = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
                    peakResidentKib = Math.max(peakResidentKib, kib);
                }
            }
        }
        catch (IOException | UncheckedIOException ex) {
            // the child has exited, or this is not Linux
        }
    }
}
