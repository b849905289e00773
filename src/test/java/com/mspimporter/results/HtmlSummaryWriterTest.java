package com.mspimporter.results;

import static com.mspimporter.results.LineBuilder.created;
import static com.mspimporter.results.LineBuilder.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.onboarding.RowStatus;

class HtmlSummaryWriterTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-04T02:20:00Z");
    private static final String HOSTILE_NAME = "<script>alert(1)</script>";
    private static final String QUOTES_NAME = "\"&'";
    private static final String IN_DOUBT_ERROR = "The request to create customer 'Lumen Dental' may have taken"
            + " effect, but its answer was lost (no answer came within the read timeout). Check on the platform"
            + " whether the customer exists: if it does, put its id in the customer_id column and import the file"
            + " again.";

    @TempDir
    Path folder;

    private String writePage(String inputFileName, LineBuilder... lines) throws IOException {
        SummaryCollector collector = new SummaryCollector();
        for (LineBuilder builder : lines) {
            collector.accept(builder.build());
        }
        Path page = HtmlSummaryWriter.writeBeside(folder.resolve("customers.results.csv"),
                collector.summary(inputFileName, WRITTEN));
        return Files.readString(page, StandardCharsets.UTF_8);
    }

    private String mixedRunPage() throws IOException {
        return writePage("customers.csv",
                created(1, "Northwind Analytics", RowStatus.SUCCEEDED).aws("i-1", "x-1"),
                created(2, "Bluefin Logistics", RowStatus.SUCCEEDED),
                created(3, "Meridian Travel", RowStatus.PARTIAL).usersAdded("olga@example.com")
                        .usersFailed("bob@example.com: User not found"),
                line(4, "Rejected Records", RowStatus.FAILED)
                        .failed("create_customer", "HTTP 400 from the API: Customer name is not allowed"),
                line(5, "Repeat Records", RowStatus.FAILED)
                        .failed("create_customer", "HTTP 400 from the API: Customer name is not allowed"),
                line(6, "Saltmarsh Brewing", RowStatus.REJECTED)
                        .error("user_emails 'jamie.fox.example.com' is not a valid email address."),
                line(7, "Lumen Dental", RowStatus.IN_DOUBT).failed("create_customer", IN_DOUBT_ERROR));
    }

    /** Returns the number in the Rows column of a status's line in the status table. */
    private static long statusCount(String html, RowStatus status) {
        Matcher count = Pattern.compile(">" + status.name() + "</span></td><td class=\"num\">([0-9,]+)</td>")
                .matcher(html);
        assertThat(count.find()).as("line of %s in the status table", status).isTrue();
        return Long.parseLong(count.group(1).replace(",", ""));
    }

    @Test
    void pageIsNamedAfterTheResultsFile() {
        assertThat(HtmlSummaryWriter.pageFor(Path.of("in", "customers.results.csv")))
                .isEqualTo(Path.of("in", "customers.results.html"));
        assertThat(HtmlSummaryWriter.pageFor(Path.of("NIGHTLY.CSV"))).isEqualTo(Path.of("NIGHTLY.html"));
        assertThat(HtmlSummaryWriter.pageFor(Path.of("report.txt"))).isEqualTo(Path.of("report.txt.html"));
    }

    @Test
    void pageShowsCountsPerStatus() throws IOException {
        String html = mixedRunPage();

        assertThat(statusCount(html, RowStatus.SUCCEEDED)).isEqualTo(2);
        assertThat(statusCount(html, RowStatus.PARTIAL)).isEqualTo(1);
        assertThat(statusCount(html, RowStatus.FAILED)).isEqualTo(2);
        assertThat(statusCount(html, RowStatus.REJECTED)).isEqualTo(1);
        assertThat(statusCount(html, RowStatus.IN_DOUBT)).isEqualTo(1);
        assertThat(statusCount(html, RowStatus.PENDING)).isZero();
        assertThat(html).doesNotContain(">VALID<");
    }

    @Test
    void pageNamesFileAndOutcome() throws IOException {
        String text = HtmlCheck.text(mixedRunPage());

        assertThat(text).contains("Import results: customers.csv");
        assertThat(text).contains("Results written 2026-12-04 02:20:00 UTC.");
        assertThat(text).contains("The run completed, and 5 of 7 rows need a person");
    }

    @Test
    void outcomeSaysAllSucceeded() throws IOException {
        String text = HtmlCheck.text(writePage("ok.csv", created(1, "Northwind", RowStatus.SUCCEEDED)));

        assertThat(text).contains("All 1 row succeeded.");
    }

    @Test
    void outcomeSaysTheRunWillContinue() throws IOException {
        String text = HtmlCheck.text(writePage("stopped.csv",
                created(1, "Northwind", RowStatus.SUCCEEDED),
                line(2, "Bluefin", RowStatus.PENDING),
                line(3, "Cedar", RowStatus.FAILED).failed("create_customer", "HTTP 400 from the API: no")));

        assertThat(text).contains("The run stopped before it finished: 1 of 3 rows is pending; running the same"
                + " file again continues the run. 1 row already needs a person");
        assertThat(text).contains("Rows waiting for the next run");
    }

    @Test
    void failuresAreGroupedWithTheirRows() throws IOException {
        String text = HtmlCheck.text(mixedRunPage());

        assertThat(text).contains("create_customer HTTP 400 from the API: Customer name is not allowed 2"
                + " row 4 (Rejected Records), row 5 (Repeat Records)");
        assertThat(text).contains("add_users User not added: User not found 1 row 3 (Meridian Travel)");
        assertThat(text).contains("user_emails user_emails '…' is not a valid email address. 1"
                + " row 6 (Saltmarsh Brewing)");
    }

    @Test
    void inDoubtRowIsCalledOut() throws IOException {
        String html = mixedRunPage();

        Matcher callOut = Pattern.compile("<section class=\"doubt\">(.*?)</section>").matcher(html);
        assertThat(callOut.find()).isTrue();
        String text = HtmlCheck.text(callOut.group(1));
        assertThat(text).contains("Row 7: Lumen Dental");
        assertThat(text).contains("Step: create_customer");
        assertThat(text).contains(IN_DOUBT_ERROR);
        assertThat(callOut.find()).isFalse();
    }

    @Test
    void untrustedTextIsEscaped() throws IOException {
        String html = writePage("<b>odd</b>.csv",
                line(1, HOSTILE_NAME, RowStatus.FAILED)
                        .failed("create_customer", "HTTP 400 from the API: <img src=x onerror=alert(2)> & more"),
                line(2, QUOTES_NAME, RowStatus.IN_DOUBT).failed("create_customer", "lost <i>answer</i>"),
                line(3, "Harbor", RowStatus.REJECTED).error("customer_id '<svg onload=alert(3)>' may contain"
                        + " only letters."));

        assertThat(HtmlCheck.problems(html)).isEmpty();
        assertThat(html).doesNotContain("<script");
        assertThat(html).doesNotContain("<img");
        assertThat(html).doesNotContain("<b>odd");
        assertThat(html).doesNotContain("<i>answer");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("&quot;&amp;&#39;");
        assertThat(html).contains("&lt;img src=x onerror=alert(2)&gt; &amp; more");
        assertThat(HtmlCheck.text(html)).contains("row 1 (" + HOSTILE_NAME + ")");
    }

    @Test
    void pageLoadsNothingFromOutside() throws IOException {
        String html = writePage("links.csv", line(1, "Northwind", RowStatus.FAILED).failed("create_customer",
                "HTTP 503 from the API: see https://status.example.com/incidents for details"));

        assertThat(HtmlCheck.problems(html)).isEmpty();
        assertThat(html).doesNotContainIgnoringCase("<link");
        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(html).doesNotContainIgnoringCase("<img");
        assertThat(html).doesNotContainIgnoringCase("<iframe");
        assertThat(html).doesNotContainPattern("(?i)\\s(src|href|srcset|xlink:href)\\s*=");
        assertThat(html).doesNotContainIgnoringCase("url(");
        assertThat(html).doesNotContainIgnoringCase("@import");
        assertThat(html).doesNotContainIgnoringCase("@font-face");
        assertThat(html).containsOnlyOnce("https://");
        assertThat(HtmlCheck.text(html)).contains("see https://status.example.com/incidents for details");
    }

    @Test
    void pageIsWellFormedAndHasTheChart() throws IOException {
        String html = mixedRunPage();

        assertThat(HtmlCheck.problems(html)).isEmpty();
        assertThat(html).contains("<svg ");
        assertThat(html).contains("<title>create_customer: 3 passed</title>");
        assertThat(html).contains("<title>create_customer: 2 failed</title>");
        assertThat(html).contains("<title>create_customer: 1 in doubt</title>");
    }

    @Test
    void pageListsFiftyRowsOfAHugeGroup() throws IOException {
        SummaryCollector collector = new SummaryCollector();
        for (int row = 1; row <= 200_000; row++) {
            collector.accept(line(row, "Customer " + row, RowStatus.FAILED)
                    .failed("create_customer", "HTTP 400 from the API: Customer name is not allowed").build());
        }

        Path page = HtmlSummaryWriter.writeBeside(folder.resolve("big.results.csv"),
                collector.summary("big.csv", WRITTEN));

        String html = Files.readString(page);
        assertThat(Pattern.compile("<span class=\"row\">").matcher(html).results().count()).isEqualTo(50);
        assertThat(HtmlCheck.text(html)).contains("and 199,950 rows more");
        assertThat(statusCount(html, RowStatus.FAILED)).isEqualTo(200_000);
    }

    @Test
    void rewriteLeavesNoTemporaryFile() throws IOException {
        writePage("first.csv", created(1, "Northwind", RowStatus.SUCCEEDED));

        String html = writePage("second.csv", created(1, "Northwind", RowStatus.SUCCEEDED));

        assertThat(html).contains("second.csv");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("customers.results.html");
        }
    }
}
