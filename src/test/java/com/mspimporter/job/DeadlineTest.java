package com.mspimporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.standin.StandInApi;

/** Stops taking rows when {@code importer.deadline} passes, and finishes them on the next run. */
class DeadlineTest {

    @TempDir
    Path work;

    @Test
    void deadlineLeavesRowsPendingForRestart() {
        StringBuilder csv = new StringBuilder("customer_name\n");
        for (int row = 1; row <= 12; row++) {
            csv.append("Deadline Customer ").append(row).append('\n');
        }
        try (ImportFixture fixture = new ImportFixture(work,
                StandInApi.builder().latency(Duration.ofMillis(400)).start())) {
            Path input = fixture.write("nightly.csv", csv.toString());

            int first = fixture.run(input, "--importer.concurrency=1", "--importer.deadline=1s");

            assertThat(first).as("a run stopped by its deadline continues on restart").isEqualTo(1);
            List<String> statuses = fixture.resultsOf(input).column("status");
            assertThat(statuses).contains("PENDING");
            assertThat(statuses).contains("SUCCEEDED");

            int second = fixture.run(input);

            assertThat(second).isZero();
            assertThat(fixture.resultsOf(input).column("status")).containsOnly("SUCCEEDED").hasSize(12);
            assertThat(fixture.api().requestCount()).as("one create call per customer over both runs")
                    .isEqualTo(12);
        }
    }
}
