package com.mspimporter.results;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.mspimporter.onboarding.RowStatus;

/** Writes the HTML summary of a run as one self-contained page: inline CSS and SVG, no script, no external file. */
final class SummaryPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Rows of a reason listed before the rest of its listed rows are folded away. */
    private static final int ROWS_INLINE = 10;

    private final RunSummary summary;
    private final String resultsFileName;
    private final Writer out;

    SummaryPage(RunSummary summary, String resultsFileName, Writer out) {
        this.summary = summary;
        this.resultsFileName = resultsFileName;
        this.out = out;
    }

    void write() throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>Import results: " + Html.escape(summary.inputFileName()) + "</title>\n");
        out.write("<style>\n" + PageStyle.CSS + "</style>\n</head>\n<body>\n<main>\n");
        heading();
        statusTable();
        stepSection();
        inDoubtSection();
        reasonSection("Failures by reason", "failures", "Step", summary.failures(),
                "Rows that are FAILED or PARTIAL, grouped by what went wrong. Fix the cause, then import the file"
                        + " again (PARTIAL rows: with --retry-failed).");
        reasonSection("Rejected rows by column problem", "rejections", "Column", summary.rejections(),
                "No call was made for these rows. Correct the cells in the input file and import it again.");
        reasonSection("Rows waiting for the next run", "pending", "Step", summary.pending(),
                "These rows are PENDING. Running the same file again continues them; there is nothing to fix.");
        out.write("<footer><p>Every row, with every id that was created, is in <b>" + Html.escape(resultsFileName)
                + "</b> beside this page. This page lists at most " + SummaryCollector.MAX_ROWS_PER_REASON
                + " rows per reason.</p></footer>\n");
        out.write("</main>\n</body>\n</html>\n");
    }

    private void heading() throws IOException {
        out.write("<h1>Import results: <span class=\"file\">" + Html.escape(summary.inputFileName())
                + "</span></h1>\n");
        StringBuilder when = new StringBuilder();
        if (summary.firstFinishedAt() != null) {
            when.append("Rows finished from ").append(TIME.format(summary.firstFinishedAt())).append(" to ")
                    .append(TIME.format(summary.lastFinishedAt())).append(". ");
        }
        when.append("Results written ").append(TIME.format(summary.writtenAt())).append('.');
        out.write("<p class=\"when\">" + Html.escape(when.toString()) + "</p>\n");
        Outcome outcome = outcome();
        out.write("<p class=\"outcome " + outcome.cssClass() + "\">" + Html.escape(outcome.sentence()) + "</p>\n");
    }

    private Outcome outcome() {
        long total = summary.totalRows();
        long attention = summary.rowsNeedingAttention();
        long pending = summary.count(RowStatus.PENDING);
        if (total == 0) {
            return new Outcome("neutral", "The file has no rows, so nothing was imported.");
        }
        if (pending > 0) {
            String already = attention == 0 ? "" : " " + rows(attention) + (attention == 1 ? " already needs" :
                    " already need") + " a person; they are listed below.";
            return new Outcome("stopped", "The run stopped before it finished: " + ofTotal(pending, total)
                    + (pending == 1 ? " is" : " are") + " pending; running the same file again continues the run."
                    + already);
        }
        if (attention > 0) {
            return new Outcome("attention", "The run completed, and " + ofTotal(attention, total)
                    + (attention == 1 ? " needs" : " need") + " a person: they are listed below.");
        }
        if (summary.count(RowStatus.VALID) == total) {
            return new Outcome("good", "Dry run: all " + rows(total) + " are valid. No call was made.");
        }
        return new Outcome("good", "All " + rows(total) + " succeeded. Nothing needs a person.");
    }

    private void statusTable() throws IOException {
        out.write("<h2>Rows by status</h2>\n<table class=\"statuses\">\n<thead><tr><th>Status</th><th class=\"num\">"
                + "Rows</th><th>What it means</th></tr></thead>\n<tbody>\n");
        for (RowStatus status : RowStatus.values()) {
            long count = summary.count(status);
            if (status == RowStatus.VALID && count == 0) {
                continue;
            }
            out.write("<tr" + (count == 0 ? " class=\"zero\"" : "") + "><td><span class=\"badge "
                    + status.name().toLowerCase(Locale.ROOT) + "\">" + status.name() + "</span></td><td class=\"num\">"
                    + number(count) + "</td><td>" + Html.escape(StatusMeanings.of(status)) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    private void stepSection() throws IOException {
        out.write("<h2>Outcome per step</h2>\n<p class=\"note\">Each row makes up to four calls in this order."
                + " A row is counted at the steps it reached; rejected rows made no call.</p>\n");
        out.write("<figure class=\"chart\">" + StepChart.legend() + StepChart.svg(summary.steps()) + "</figure>\n");
    }

    private void inDoubtSection() throws IOException {
        List<InDoubtRow> rows = summary.inDoubtRows();
        if (rows.isEmpty()) {
            return;
        }
        out.write("<h2>Rows in doubt: check these on the platform</h2>\n<p class=\"note\">A create request was sent"
                + " but its response was lost, so it may or may not have taken effect. Nothing was sent again."
                + " Each row says what to check and how to resolve it.</p>\n");
        for (InDoubtRow row : rows) {
            out.write("<section class=\"doubt\"><h3>Row " + row.row().row() + ": " + Html.escape(row.row()
                    .customerName()) + "</h3><p class=\"step\">Step: <code>" + Html.escape(row.step())
                    + "</code></p><p>" + Html.escape(row.error()) + "</p></section>\n");
        }
        if (summary.unlistedInDoubtRows() > 0) {
            out.write("<p class=\"more\">" + rows(summary.unlistedInDoubtRows()) + " more in doubt are not shown"
                    + " here; filter the status column of " + Html.escape(resultsFileName) + " for IN_DOUBT.</p>\n");
        }
    }

    private void reasonSection(String title, String cssClass, String whereHeading, List<ReasonGroup> groups,
            String note) throws IOException {
        if (groups.isEmpty()) {
            return;
        }
        out.write("<h2>" + title + "</h2>\n<p class=\"note\">" + Html.escape(note) + "</p>\n");
        out.write("<table class=\"reasons " + cssClass + "\">\n<colgroup><col class=\"where\"><col class=\"reason\">"
                + "<col class=\"count\"><col class=\"rows\"></colgroup>\n<thead><tr><th>" + whereHeading
                + "</th><th>Reason</th><th class=\"num\">Rows</th><th>Which rows</th></tr></thead>\n<tbody>\n");
        for (ReasonGroup group : groups) {
            out.write("<tr><td><code>" + Html.escape(group.where()) + "</code></td><td>" + Html.escape(group.reason())
                    + "</td><td class=\"num\">" + number(group.count()) + "</td><td class=\"rows\">" + rowList(group)
                    + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    /** Lists the first rows of a group inline and the other listed rows behind a disclosure, which needs no script. */
    private static String rowList(ReasonGroup group) {
        List<String> rows = group.rows().stream()
                .map(row -> "<span class=\"row\">row " + row.row() + " (" + Html.escape(row.customerName())
                        + ")</span>")
                .toList();
        StringBuilder list = new StringBuilder(String.join(", ", rows.subList(0, Math.min(rows.size(), ROWS_INLINE))));
        if (rows.size() > ROWS_INLINE) {
            list.append("<details><summary>").append(rows(rows.size() - ROWS_INLINE)).append(" more</summary>")
                    .append(String.join(", ", rows.subList(ROWS_INLINE, rows.size()))).append("</details>");
        }
        if (group.unlistedRows() > 0) {
            list.append(" <span class=\"more\">and ").append(rows(group.unlistedRows()))
                    .append(" more, not listed here</span>");
        }
        return list.toString();
    }

    private static String ofTotal(long count, long total) {
        return number(count) + " of " + rows(total);
    }

    private static String rows(long count) {
        return number(count) + (count == 1 ? " row" : " rows");
    }

    private static String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private record Outcome(String cssClass, String sentence) {
    }
}
