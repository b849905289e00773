package com.mspimporter.results;

import static com.mspimporter.results.LineBuilder.created;
import static com.mspimporter.results.LineBuilder.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mspimporter.onboarding.RowStatus;

class StepTallyTest {

    private static final String LOST = "The request may have taken effect, but its answer was lost.";

    private final StepTally tally = new StepTally();

    private List<StepCounts> countsOf(LineBuilder... lines) {
        for (LineBuilder builder : lines) {
            ResultLine line = builder.build();
            tally.record(line, RowStatus.valueOf(line.status()));
        }
        return tally.steps();
    }

    @Test
    void succeededRowPassesItsSteps() {
        List<StepCounts> steps = countsOf(
                created(1, "Northwind", RowStatus.SUCCEEDED).aws("i-1", "x-1").usersAdded("ana@example.com"),
                created(2, "Cedar", RowStatus.SUCCEEDED).gcp("i-2"),
                created(3, "Quill", RowStatus.SUCCEEDED));

        assertThat(steps).containsExactly(
                new StepCounts("create_customer", 3, 0, 0, 0),
                new StepCounts("onboarding_link", 1, 0, 0, 0),
                new StepCounts("create_integration", 2, 0, 0, 0),
                new StepCounts("add_users", 1, 0, 0, 0));
    }

    @Test
    void customerFailureStopsAtFirstStep() {
        List<StepCounts> steps = countsOf(
                line(1, "Acme", RowStatus.FAILED).aws("", "").failed("create_customer", "HTTP 400"),
                line(2, "Lumen", RowStatus.IN_DOUBT).aws("", "").failed("create_customer", LOST));

        assertThat(steps.get(0)).isEqualTo(new StepCounts("create_customer", 0, 1, 1, 0));
        assertThat(steps.get(1).total()).isZero();
        assertThat(steps.get(2).total()).isZero();
        assertThat(steps.get(3).total()).isZero();
    }

    @Test
    void partialRowFailsAtItsStep() {
        List<StepCounts> steps = countsOf(
                created(1, "Tidewater", RowStatus.PARTIAL).aws("", "x-1").usersAdded("hana@example.org")
                        .failed("create_integration", "HTTP 409"),
                created(2, "Meridian", RowStatus.PARTIAL).aws("i-2", "x-2")
                        .usersFailed("bob@example.com: User not found"));

        assertThat(steps).containsExactly(
                new StepCounts("create_customer", 2, 0, 0, 0),
                new StepCounts("onboarding_link", 2, 0, 0, 0),
                new StepCounts("create_integration", 1, 1, 0, 0),
                new StepCounts("add_users", 1, 1, 0, 0));
    }

    @Test
    void failedLinkLeavesTheIntegrationUncounted() {
        List<StepCounts> steps = countsOf(created(1, "Orbital", RowStatus.PARTIAL).aws("", "")
                .failed("onboarding_link", "HTTP 400"));

        assertThat(steps.get(1)).isEqualTo(new StepCounts("onboarding_link", 0, 1, 0, 0));
        assertThat(steps.get(2).total()).isZero();
    }

    @Test
    void inDoubtIntegrationStillCountsItsUsers() {
        List<StepCounts> steps = countsOf(created(1, "Harbor", RowStatus.IN_DOUBT).gcp("")
                .usersAdded("ana@example.com").failed("create_integration", LOST));

        assertThat(steps.get(2)).isEqualTo(new StepCounts("create_integration", 0, 0, 1, 0));
        assertThat(steps.get(3)).isEqualTo(new StepCounts("add_users", 1, 0, 0, 0));
    }

    @Test
    void pendingRowWaitsAtItsFirstUnfinishedStep() {
        List<StepCounts> steps = countsOf(
                line(1, "Not started", RowStatus.PENDING).aws("", ""),
                created(2, "Before link", RowStatus.PENDING).aws("", ""),
                created(3, "Before integration", RowStatus.PENDING).aws("", "x-3"),
                created(4, "Users retried", RowStatus.PENDING).failed("add_users", "503"));

        assertThat(steps).containsExactly(
                new StepCounts("create_customer", 3, 0, 0, 1),
                new StepCounts("onboarding_link", 1, 0, 0, 1),
                new StepCounts("create_integration", 0, 0, 0, 1),
                new StepCounts("add_users", 0, 0, 0, 1));
    }

    @Test
    void rejectedRowsCountAtNoStep() {
        List<StepCounts> steps = countsOf(line(1, "Pinecrest", RowStatus.REJECTED).aws("", "").error("bad"));

        assertThat(steps).allSatisfy(step -> assertThat(step.total()).isZero());
    }
}
