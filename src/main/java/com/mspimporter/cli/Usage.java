package com.mspimporter.cli;

/** The text that {@code --help} prints. */
final class Usage {

    static final String TEXT = """
            Usage:
              java -jar msp-importer.jar --input=FILE [--output=FILE] [--dry-run] [--retry-failed] [SETTINGS]
              java -jar msp-importer.jar --input-dir=DIR [SETTINGS]
              java -jar msp-importer.jar --help

            Onboards the customers of a CSV file onto the FinOps platform: creates each customer, its AWS or GCP
            integration and its users, and writes a results file with every id and every failure.

            Options:
              --input=FILE      the CSV to import
              --output=FILE     the results file (default: FILE with .csv replaced by .results.csv)
              --dry-run         validate the file and write the results with VALID or REJECTED; no call is made
              --retry-failed    run a completed file again for its FAILED and PARTIAL rows only
              --input-dir=DIR   import every CSV in DIR that is not complete yet, oldest first
              --help            print this text

            Settings (as --NAME=VALUE, or as environment variables such as IMPORTER_API_KEY):
              importer.api.base-url                the API's root URL; HTTPS unless loopback
              importer.api.key                     the API key (prefer the IMPORTER_API_KEY variable)
              importer.api.allow-insecure-http     allow plain HTTP to another host (default false)
              importer.api.connect-timeout         per call (default 5s)
              importer.api.read-timeout            per call (default 30s)
              importer.api.max-response-size       longest answer read (default 1MB)
              importer.retry.max-attempts          tries per call, the first included (default 5)
              importer.retry.initial-wait          first backoff, doubled with jitter (default 500ms)
              importer.retry.max-wait              longest backoff (default 30s)
              importer.retry.max-retry-after       longest Retry-After obeyed (default 2m)
              importer.retry.resend-in-doubt       re-send create calls whose answer was lost (default false)
              importer.circuit-breaker.window      requests looked at by the circuit breaker (default 20)
              importer.circuit-breaker.failure-rate  share of them failing that stops the run (default 50%)
              importer.concurrency                 rows in flight (default 8)
              importer.rate-limit-per-second       most calls in any second (default: no limit)
              importer.max-rejected-rows           refuse the file when more rows are invalid, as 25 or 20%
                                                   (default 50%)
              importer.input.charset               input encoding (default UTF-8)
              importer.input.max-record-length     longest record (default 1MB)
              importer.deadline                    stop taking new rows after this long, as 6h (default: none)
              importer.done-dir                    where --input-dir moves completed files (default done)
              spring.datasource.url                the job database (default: an H2 file under ./data/)

            Exit codes:
              0  every row SUCCEEDED (dry run: every row VALID), or the file has no rows
              1  the run stopped and running it again continues it (API down, key refused, rows still
                 failing transiently, terminated, deadline, another run holds the job database)
              2  nothing was called: the command line, a setting, the job database or the input is unusable
              3  the run completed but some rows need a person (FAILED, PARTIAL, REJECTED, IN_DOUBT)
            """;

    private Usage() {
    }
}
