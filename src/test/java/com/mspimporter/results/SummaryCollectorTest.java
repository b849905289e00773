package com.mspimporter.results;

import static com.mspimporter.results.LineBuilder.created;
import static com.mspimporter.results.LineBuilder.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mspimporter.onboarding.RowStatus;

class SummaryCollectorTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-04T03:00:00Z");

    private final SummaryCollector collector = new SummaryCollector();

    private RunSummary summaryOf(LineBuilder... lines) {
        for (LineBuilder builder : lines) {
            collector.accept(builder.build());
        }
        return collector.summary("customers.csv", WRITTEN);
    }

    @Test
    void countsRowsPerStatus() {
        RunSummary summary = summaryOf(
                created(1, "Northwind", RowStatus.SUCCEEDED),
                created(2, "Bluefin", RowStatus.SUCCEEDED),
                line(3, "Pinecrest", RowStatus.REJECTED).error("customer_name is empty; every row needs it."),
                line(4, "Cedar", RowStatus.PENDING));

        assertThat(summary.count(RowStatus.SUCCEEDED)).isEqualTo(2);
        assertThat(summary.count(RowStatus.REJECTED)).isEqualTo(1);
        assertThat(summary.count(RowStatus.PENDING)).isEqualTo(1);
        assertThat(summary.count(RowStatus.FAILED)).isZero();
        assertThat(summary.totalRows()).isEqualTo(4);
        assertThat(summary.rowsNeedingAttention()).isEqualTo(1);
    }

    @Test
    void finishedRangeSkipsPendingRows() {
        RunSummary summary = summaryOf(
                created(5, "Northwind", RowStatus.SUCCEEDED),
                created(2, "Bluefin", RowStatus.SUCCEEDED),
                line(9, "Cedar", RowStatus.PENDING));

        assertThat(summary.firstFinishedAt()).isEqualTo(LineBuilder.FINISHED.plusSeconds(2));
        assertThat(summary.lastFinishedAt()).isEqualTo(LineBuilder.FINISHED.plusSeconds(5));
    }

    @Test
    void failuresGroupMostFrequentFirst() {
        RunSummary summary = summaryOf(
                line(1, "Acme Corp", RowStatus.FAILED)
                        .failed("create_customer", "HTTP 400 from the API: Customer name is not allowed"),
                line(2, "Initech", RowStatus.FAILED)
                        .failed("create_customer", "HTTP 409 from the API: Customer 'Initech' already exists"),
                line(3, "Globex", RowStatus.FAILED)
                        .failed("create_customer", "HTTP 409 from the API: Customer 'Globex' already exists"),
                created(4, "Umbrella", RowStatus.PARTIAL).failed("create_integration",
                        "HTTP 409 from the API: An integration with this name already exists"));

        List<ReasonGroup> failures = summary.failures();
        assertThat(failures).extracting(ReasonGroup::reason).containsExactly(
                "HTTP 409 from the API: Customer '…' already exists",
                "HTTP 400 from the API: Customer name is not allowed",
                "HTTP 409 from the API: An integration with this name already exists");
        assertThat(failures.get(0).count()).isEqualTo(2);
        assertThat(failures.get(0).where()).isEqualTo("create_customer");
        assertThat(failures.get(0).rows()).containsExactly(new RowReference(2, "Initech"),
                new RowReference(3, "Globex"));
        assertThat(failures.get(2).where()).isEqualTo("create_integration");
    }

    @Test
    void failedUsersGroupByReasonOncePerRow() {
        RunSummary summary = summaryOf(
                created(1, "Meridian", RowStatus.PARTIAL).usersAdded("olga@example.com")
                        .usersFailed("a@example.com: User not found; b@example.com: User not found"),
                created(2, "Harbor", RowStatus.PARTIAL).usersFailed("c@example.com: Domain not allowed"));

        assertThat(summary.failures()).extracting(ReasonGroup::where, ReasonGroup::reason, ReasonGroup::count)
                .containsExactly(
                        tuple("add_users", "User not added: User not found", 1L),
                        tuple("add_users", "User not added: Domain not allowed", 1L));
    }

    @Test
    void rejectionsGroupByColumnProblem() {
        RunSummary summary = summaryOf(
                line(1, "Saltmarsh", RowStatus.REJECTED)
                        .error("user_emails 'jamie.fox.example.com' is not a valid email address."),
                line(2, "Granite", RowStatus.REJECTED).error("integration_type 'Azure' must be AWS, GCP or empty."
                        + " user_emails 'kim at example.com' is not a valid email address."));

        List<ReasonGroup> rejections = summary.rejections();
        assertThat(rejections).extracting(ReasonGroup::where).containsExactly("user_emails", "integration_type");
        assertThat(rejections.get(0).reason()).isEqualTo("user_emails '…' is not a valid email address.");
        assertThat(rejections.get(0).count()).isEqualTo(2);
        assertThat(rejections.get(1).reason()).isEqualTo("integration_type '…' must be AWS, GCP or empty.");
        assertThat(rejections.get(1).rows()).containsExactly(new RowReference(2, "Granite"));
    }

    @Test
    void inDoubtRowsKeepStepAndError() {
        String error = "The request to create customer 'Lumen' may have taken effect, but its answer was lost.";
        RunSummary summary = summaryOf(line(8, "Lumen", RowStatus.IN_DOUBT).failed("create_customer", error));

        assertThat(summary.inDoubtRows()).containsExactly(
                new InDoubtRow(new RowReference(8, "Lumen"), "create_customer", error));
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void pendingRowsGroupByReason() {
        RunSummary summary = summaryOf(
                line(1, "Northwind", RowStatus.PENDING),
                line(2, "Bluefin", RowStatus.PENDING).failed("create_customer",
                        "Creating the customer still failed after 5 tries because the API answered HTTP 503"
                                + " Service Unavailable."));

        assertThat(summary.pending()).extracting(ReasonGroup::where, ReasonGroup::reason).containsExactly(
                tuple("", "The run stopped before this row was finished."),
                tuple("create_customer", "Creating the customer still failed after 5"
                        + " tries because the API answered HTTP 503 Service Unavailable."));
    }

    @Test
    void oneReasonKeepsOnlyFiftyRows() {
        for (int row = 1; row <= 200_000; row++) {
            collector.accept(line(row, "Customer " + row, RowStatus.FAILED)
                    .failed("create_customer", "HTTP 400 from the API: Customer name is not allowed").build());
        }

        RunSummary summary = collector.summary("big.csv", WRITTEN);

        ReasonGroup group = summary.failures().get(0);
        assertThat(summary.failures()).hasSize(1);
        assertThat(group.count()).isEqualTo(200_000);
        assertThat(group.rows()).hasSize(SummaryCollector.MAX_ROWS_PER_REASON);
        assertThat(group.rows().get(49)).isEqualTo(new RowReference(50, "Customer 50"));
        assertThat(group.unlistedRows()).isEqualTo(199_950);
    }

    @Test
    void extraReasonsAreCountedTogether() {
        String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliett", "kilo", "lima", "mike"};
        int distinct = 0;
        for (String first : words) {
            for (String second : words) {
                distinct++;
                collector.accept(line(distinct, "Row " + distinct, RowStatus.FAILED)
                        .failed("create_customer", "HTTP 400 from the API: " + first + " " + second).build());
            }
        }

        List<ReasonGroup> failures = collector.summary("many.csv", WRITTEN).failures();

        assertThat(distinct).isEqualTo(169);
        assertThat(failures).hasSize(SummaryCollector.MAX_REASONS + 1);
        assertThat(failures.get(0).reason()).isEqualTo(ReasonTally.OTHER_REASONS);
        assertThat(failures.get(0).count()).isEqualTo(169 - SummaryCollector.MAX_REASONS);
    }

    @Test
    void inDoubtCallOutsStopAtTheMaximum() {
        for (int row = 1; row <= SummaryCollector.MAX_IN_DOUBT_ROWS + 7; row++) {
            collector.accept(line(row, "Row " + row, RowStatus.IN_DOUBT).failed("create_customer", "lost").build());
        }

        RunSummary summary = collector.summary("doubt.csv", WRITTEN);

        assertThat(summary.inDoubtRows()).hasSize(SummaryCollector.MAX_IN_DOUBT_ROWS);
        assertThat(summary.unlistedInDoubtRows()).isEqualTo(7);
        assertThat(summary.count(RowStatus.IN_DOUBT)).isEqualTo(SummaryCollector.MAX_IN_DOUBT_ROWS + 7);
    }
}
