package com.mspimporter.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws the rows' outcome per step as an inline SVG of horizontal stacked bars, one bar per step. */
final class StepChart {

    static final String PASSED_COLOR = "#2e7d32";
    static final String FAILED_COLOR = "#c62828";
    static final String IN_DOUBT_COLOR = "#ef6c00";
    static final String PENDING_COLOR = "#78909c";

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 170;
    private static final int BAR_WIDTH = 520;
    private static final int BAR_HEIGHT = 20;
    private static final int ROW_HEIGHT = 54;
    private static final int TOP_MARGIN = 6;

    private StepChart() {
    }

    static String svg(List<StepCounts> steps) {
        long widest = steps.stream().mapToLong(StepCounts::total).max().orElse(0);
        int height = TOP_MARGIN + steps.size() * ROW_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"step-chart-title\">%n", WIDTH, height,
                WIDTH, height));
        svg.append("<title id=\"step-chart-title\">Rows per step: passed, failed, in doubt, pending</title>\n");
        int y = TOP_MARGIN;
        for (StepCounts step : steps) {
            bar(svg, step, y, widest);
            y += ROW_HEIGHT;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Returns the legend as HTML, so that the browser lays out its words rather than a guessed text width. */
    static String legend() {
        String[][] entries = {{PASSED_COLOR, "passed"}, {FAILED_COLOR, "failed"}, {IN_DOUBT_COLOR, "in doubt"},
            {PENDING_COLOR, "pending (continues on the next run)"}};
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        for (String[] entry : entries) {
            legend.append("<li><span class=\"swatch\" style=\"background:").append(entry[0]).append("\"></span>")
                    .append(entry[1]).append("</li>");
        }
        return legend.append("</ul>\n").toString();
    }

    private static void bar(StringBuilder svg, StepCounts step, int y, long widest) {
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"step\">%s</text>%n", y + 15,
                Html.escape(step.step())));
        if (step.total() == 0) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"none\">no row counted at this step"
                    + "</text>%n", LABEL_WIDTH, y + 15));
            return;
        }
        long[] counts = {step.passed(), step.failed(), step.inDoubt(), step.pending()};
        String[] colors = {PASSED_COLOR, FAILED_COLOR, IN_DOUBT_COLOR, PENDING_COLOR};
        String[] words = {"passed", "failed", "in doubt", "pending"};
        double x = LABEL_WIDTH;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            // a segment of one row among a million still gets a visible sliver
            double width = Math.max(2.0, (double) BAR_WIDTH * counts[i] / widest);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                    + " fill=\"%s\"><title>%s: %d %s</title></rect>%n", x, y + 2, width, BAR_HEIGHT, colors[i],
                    Html.escape(step.step()), counts[i], words[i]));
            x += width;
            parts.add(String.format(Locale.ROOT, "%,d %s", counts[i], words[i]));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"counts\">%s</text>%n", LABEL_WIDTH,
                y + BAR_HEIGHT + 19, String.join(" · ", parts)));
    }
}
