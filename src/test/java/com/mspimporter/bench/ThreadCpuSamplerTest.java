package com.mspimporter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mspimporter.bench.ThreadCpuSampler.ThreadGroupCpu;
import com.mspimporter.bench.ThreadCpuSampler.ThreadStat;

class ThreadCpuSamplerTest {

    @TempDir
    Path taskFolder;

    @Test
    void parsesNameWithSpacesAndParentheses() {
        String line = "123 (C2 (a) Thre) S 13762 13762 541 0 -1 4194304 102 0 0 0 250 37 0 0 20 0 1 0 1207655"
                + " 3133440 384 18446744073709551615 94111540047872 94111540067753 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

        ThreadStat stat = ThreadStat.parse(line);

        assertThat(stat.name()).isEqualTo("C2 (a) Thre");
        assertThat(stat.cpuTicks()).isEqualTo(250 + 37);
        assertThat(stat.startTicks()).isEqualTo(1207655);
    }

    @Test
    void parseRejectsLineWithoutName() {
        assertThatThrownBy(() -> ThreadStat.parse("123 S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name in parentheses is missing");
    }

    @Test
    void parseRejectsTruncatedLine() {
        assertThatThrownBy(() -> ThreadStat.parse("123 (java) S 1 2 3 4 5 6 7 8 9 10 11 12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instead of at least 22");
    }

    @ParameterizedTest
    @CsvSource({
            "C2 CompilerThread0, CN CompilerThreadN",
            "C1 CompilerThread1, CN CompilerThreadN",
            "onboard-3, onboard-N",
            "onboard-12, onboard-N",
            "HttpClient-1-Worker-7, HttpClient-N-Worker-N",
            "G1 Conc#0, GN Conc#N",
            "java, java",
    })
    void groupNameReplacesDigitRuns(String threadName, String expected) {
        assertThat(ThreadCpuSampler.groupName(threadName)).isEqualTo(expected);
    }

    @Test
    void groupsSumThreadsLargestFirst() throws IOException {
        writeStat(11, "onboard-1", 100, 1);
        writeStat(12, "onboard-2", 150, 1);
        writeStat(13, "C2 CompilerThre", 30, 1);
        ThreadCpuSampler sampler = new ThreadCpuSampler(taskFolder);

        sampler.sample();

        assertThat(sampler.groups()).containsExactly(
                new ThreadGroupCpu("onboard-N", 2, Duration.ofMillis(2500)),
                new ThreadGroupCpu("CN CompilerThre", 1, Duration.ofMillis(300)));
    }

    @Test
    void exitedThreadKeepsItsLastSample() throws IOException {
        writeStat(11, "onboard-1", 40, 1);
        writeStat(12, "onboard-2", 10, 1);
        ThreadCpuSampler sampler = new ThreadCpuSampler(taskFolder);
        sampler.sample();

        writeStat(11, "onboard-1", 70, 1);
        deleteThread(12);
        sampler.sample();

        assertThat(sampler.groups()).containsExactly(new ThreadGroupCpu("onboard-N", 2, Duration.ofMillis(800)));
    }

    @Test
    void reusedThreadIdCountsAsNewThread() throws IOException {
        writeStat(11, "onboard-1", 40, 1);
        ThreadCpuSampler sampler = new ThreadCpuSampler(taskFolder);
        sampler.sample();

        writeStat(11, "onboard-9", 5, 2);
        sampler.sample();

        assertThat(sampler.groups()).containsExactly(new ThreadGroupCpu("onboard-N", 2, Duration.ofMillis(450)));
    }

    @Test
    void threadWithoutStatFileIsSkipped() throws IOException {
        writeStat(11, "onboard-1", 40, 1);
        // the folder of a thread that exited after the listing, before its stat file was read
        Files.createDirectory(taskFolder.resolve("12"));
        ThreadCpuSampler sampler = new ThreadCpuSampler(taskFolder);

        sampler.sample();

        assertThat(sampler.groups()).containsExactly(new ThreadGroupCpu("onboard-N", 1, Duration.ofMillis(400)));
    }

    @Test
    void missingTaskFolderGivesNoGroups() {
        ThreadCpuSampler sampler = new ThreadCpuSampler(taskFolder.resolve("gone"));

        sampler.sample();

        assertThat(sampler.groups()).isEmpty();
    }

    @Test
    void topFoldsSmallerGroupsIntoOther() {
        List<ThreadGroupCpu> groups = List.of(
                new ThreadGroupCpu("onboard-N", 16, Duration.ofSeconds(9)),
                new ThreadGroupCpu("CN CompilerThre", 2, Duration.ofSeconds(5)),
                new ThreadGroupCpu("GN Conc#N", 2, Duration.ofSeconds(2)),
                new ThreadGroupCpu("java", 1, Duration.ofSeconds(1)));

        List<ThreadGroupCpu> top = ThreadCpuSampler.top(groups, 2);

        assertThat(top).containsExactly(
                new ThreadGroupCpu("onboard-N", 16, Duration.ofSeconds(9)),
                new ThreadGroupCpu("CN CompilerThre", 2, Duration.ofSeconds(5)),
                new ThreadGroupCpu("other", 3, Duration.ofSeconds(3)));
    }

    @Test
    void topKeepsShortListAsItIs() {
        List<ThreadGroupCpu> groups = List.of(new ThreadGroupCpu("java", 1, Duration.ofSeconds(1)));

        assertThat(ThreadCpuSampler.top(groups, 10)).isEqualTo(groups);
    }

    /** Writes a {@code stat} file with the given name, CPU ticks (all user time) and start time. */
    private void writeStat(long threadId, String name, long cpuTicks, long startTicks) throws IOException {
        Path thread = Files.createDirectories(taskFolder.resolve(Long.toString(threadId)));
        String line = threadId + " (" + name + ") S 1 1 1 0 -1 4194304 0 0 0 0 " + cpuTicks + " 0 0 0 20 0 1 0 "
                + startTicks + " 3133440 384 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        Files.writeString(thread.resolve("stat"), line);
    }

    private void deleteThread(long threadId) throws IOException {
        Path thread = taskFolder.resolve(Long.toString(threadId));
        Files.delete(thread.resolve("stat"));
        Files.delete(thread);
    }
}
