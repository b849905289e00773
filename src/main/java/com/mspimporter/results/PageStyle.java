package com.mspimporter.results;

/** The inline style sheet of the HTML summary: local system fonts only, no web font, no image. */
final class PageStyle {

    static final String CSS = """
            body { margin: 0; background: #f5f6f8; color: #1f2933;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h1 .file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 22px; }
            h2 { font-size: 19px; margin: 32px 0 6px; padding-bottom: 4px; border-bottom: 1px solid #d9dee4; }
            h3 { font-size: 16px; margin: 0 0 4px; }
            .when { color: #52606d; margin: 0 0 16px; }
            .note { color: #52606d; margin: 0 0 10px; }
            .outcome { font-size: 17px; font-weight: 600; padding: 12px 16px; border-radius: 6px;
              border-left: 6px solid; }
            .outcome.good { background: #e8f5e9; border-color: #2e7d32; }
            .outcome.attention { background: #fff4e5; border-color: #ef6c00; }
            .outcome.stopped { background: #eceff1; border-color: #546e7a; }
            .outcome.neutral { background: #f5f6f8; border-color: #9aa5b1; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #e4e7eb; }
            th { background: #f0f2f5; font-weight: 600; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            tr.zero td { color: #9aa5b1; }
            .badge { display: inline-block; min-width: 78px; padding: 1px 8px; border-radius: 4px; color: #fff;
              font-size: 13px; font-weight: 600; text-align: center; white-space: nowrap; }
            .badge.succeeded { background: #2e7d32; }
            .badge.partial { background: #b26a00; }
            .badge.failed { background: #c62828; }
            .badge.rejected { background: #6a1b9a; }
            .badge.in_doubt { background: #ef6c00; }
            .badge.pending { background: #78909c; }
            .badge.valid { background: #1565c0; }
            tr.zero .badge { opacity: 0.45; }
            table.reasons td, .doubt p { overflow-wrap: anywhere; }
            code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
            td.rows { font-size: 13px; color: #323f4b; }
            .row { white-space: nowrap; }
            .more { color: #52606d; font-style: italic; }
            .chart { margin: 8px 0 0; overflow-x: auto; }
            .legend { list-style: none; margin: 0 0 6px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px;
              font-size: 13px; color: #323f4b; }
            .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }
            table.reasons { table-layout: fixed; }
            col.where { width: 170px; }
            .rejections col.where { width: 250px; }
            col.reason { width: 40%; }
            col.count { width: 64px; }
            details { margin-top: 4px; }
            summary { cursor: pointer; color: #1f5fa8; }
            .chart svg { font-family: inherit; }
            .chart .step { font: 600 14px ui-monospace, Menlo, Consolas, monospace; fill: #1f2933; }
            .chart .counts { font-size: 13px; fill: #323f4b; }
            .chart .none { font-size: 13px; fill: #9aa5b1; font-style: italic; }
            .doubt { border: 1px solid #ffcc80; border-left: 6px solid #ef6c00; background: #fffaf2;
              border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
            .doubt p { margin: 4px 0; }
            .doubt .step { color: #52606d; }
            footer { margin-top: 36px; color: #52606d; font-size: 13px; }
            """;

    private PageStyle() {
    }
}
