package com.mspimporter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * Generator of input files for the benchmark: one distinct customer per row, every row with users,
 * so that each row makes a known number of calls against an API that accepts everything.
 *
 * <p>The default mix is about 80% AWS rows with one or two users (4 calls: customer, onboarding
 * link, integration, users), 10% GCP rows with one user and a service-account key file (3 calls)
 * and 10% rows without an integration with one to three users (2 calls). With
 * {@code allFourCalls} every row is an AWS row, so every row makes exactly 4 calls. The file is
 * the same for the same row count and mode, because the random choices use a fixed seed.
 *
 * <p>GCP rows share a pool of {@value #KEY_FILES} fake key files under {@code keys/}, because one
 * file per row would mean 100,000 files for a million rows. The importer reads the key file of
 * every GCP row anyway, so the pool changes only how warm the file cache is.
 *
 * <p>Run as a program: {@code BenchmarkCsv FOLDER ROWS [--calls=4]} writes
 * {@code FOLDER/customers.csv} and prints the row and call counts.
 */
public final class BenchmarkCsv {

    /** File name of the generated input inside its folder. */
    public static final String FILE_NAME = "customers.csv";

    static final int KEY_FILES = 64;

    private static final long SEED = 20_260_501L;
    private static final String[] HEADER = {"customer_name", "customer_id", "integration_type", "integration_name",
        "aws_role_arn", "aws_account_type", "aws_cur_config_type", "gcp_project_id", "gcp_billing_dataset",
        "gcp_billing_table", "gcp_service_account_key_file", "user_emails", "user_role"};
    private static final String[] FIRST_WORDS = {"Northwind", "Bluefin", "Cedar Ridge", "Harbor & Vine", "Orbital",
        "Lumen", "Tidewater", "Fernhill", "Granite Peak", "Silver Birch", "Copperline", "Meadowbrook"};
    private static final String[] SECOND_WORDS = {"Analytics", "Logistics, Inc.", "Health", "Foods", "Freight",
        "Dental Group", "Marine", "Dairy", "Software", "Energy", "Retail Ltd", "Studios"};
    private static final String[] GIVEN_NAMES = {"dana", "li", "marta", "sam", "ana", "tom", "priya", "kofi"};
    private static final String KEY_JSON = "{\"type\":\"service_account\",\"project_id\":\"%s\","
            + "\"private_key_id\":\"%08x\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n"
            + "FAKE-BENCHMARK-KEY-NOT-REAL\\n-----END PRIVATE KEY-----\\n\","
            + "\"client_email\":\"reader@%s.iam.gserviceaccount.com\",\"client_id\":\"%d\"}";

    private BenchmarkCsv() {
    }

    /** A generated input file and the calls that importing it makes when every call succeeds. */
    public record GeneratedCsv(Path file, long rows, long calls) {

        /** Returns the mean number of calls per row. */
        public double callsPerRow() {
            return rows == 0 ? 0 : (double) calls / rows;
        }
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--calls=4"))) {
            System.err.println("Usage: BenchmarkCsv FOLDER ROWS [--calls=4]");
            System.exit(2);
        }
        GeneratedCsv csv = write(Path.of(args[0]), Long.parseLong(args[1]), args.length == 3);
        System.out.printf("Wrote %s: %d rows, %d calls (%.2f per row)%n", csv.file(), csv.rows(), csv.calls(),
                csv.callsPerRow());
    }

    /**
     * Writes {@value #FILE_NAME} and, for the default mix, its key files into a folder.
     *
     * @param allFourCalls whether every row is an AWS row with users, so that every row makes 4 calls
     */
    public static GeneratedCsv write(Path folder, long rows, boolean allFourCalls) {
        if (rows < 0) {
            throw new IllegalArgumentException("The row count must not be negative, not " + rows);
        }
        try {
            Files.createDirectories(folder);
            if (!allFourCalls) {
                writeKeyFiles(folder.resolve("keys"));
            }
            Path file = folder.resolve(FILE_NAME);
            long calls = writeRows(file, rows, allFourCalls);
            return new GeneratedCsv(file, rows, calls);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the benchmark input in " + folder + ": "
                    + ex.getMessage(), ex);
        }
    }

    private static long writeRows(Path file, long rows, boolean allFourCalls) throws IOException {
        Random random = new Random(SEED);
        long calls = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n")) {
            csv.writeNext(HEADER, false);
            for (long row = 1; row <= rows; row++) {
                int kind = allFourCalls ? 0 : random.nextInt(10);
                String[] cells;
                if (kind < 8) {
                    cells = awsRow(row, random);
                    calls += 4;
                }
                else if (kind == 8) {
                    cells = gcpRow(row, random);
                    calls += 3;
                }
                else {
                    cells = rowWithoutIntegration(row, random);
                    calls += 2;
                }
                csv.writeNext(cells, false);
            }
            csv.flush();
            if (csv.checkError()) {
                throw new IOException("writing " + file + " failed");
            }
        }
        return calls;
    }

    private static String[] awsRow(long row, Random random) {
        String[] cells = emptyRow(row, random);
        cells[2] = "AWS";
        if (random.nextInt(5) == 0) {
            cells[3] = "Payer-" + row;
        }
        long accountId = 100_000_000_000L + Math.floorMod(random.nextLong(), 899_999_999_999L);
        cells[4] = "arn:aws:iam::" + accountId + ":role/FinOpsReadOnly";
        if (random.nextInt(4) == 0) {
            cells[5] = "linked";
            cells[6] = "cur";
        }
        cells[11] = emails(row, 1 + random.nextInt(2));
        return cells;
    }

    private static String[] gcpRow(long row, Random random) {
        String[] cells = emptyRow(row, random);
        int key = Math.floorMod(row, KEY_FILES);
        cells[2] = "GCP";
        cells[7] = projectId(key);
        cells[8] = "billing_export";
        cells[9] = "gcp_billing_export_v1_" + Long.toHexString(random.nextLong() & 0xFFFFFFL);
        cells[10] = "keys/" + projectId(key) + ".json";
        cells[11] = emails(row, 1);
        return cells;
    }

    private static String[] rowWithoutIntegration(long row, Random random) {
        String[] cells = emptyRow(row, random);
        cells[11] = emails(row, 1 + random.nextInt(3));
        if (random.nextBoolean()) {
            cells[12] = "MSP-Viewer";
        }
        return cells;
    }

    private static String[] emptyRow(long row, Random random) {
        String[] cells = new String[HEADER.length];
        Arrays.fill(cells, "");
        // the row number keeps every name distinct, so every row creates its own customer
        cells[0] = FIRST_WORDS[random.nextInt(FIRST_WORDS.length)] + " " + row + " "
                + SECOND_WORDS[random.nextInt(SECOND_WORDS.length)];
        return cells;
    }

    private static String emails(long row, int count) {
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                emails.append(';');
            }
            emails.append(GIVEN_NAMES[(int) ((row + i) % GIVEN_NAMES.length)]).append('.').append(row)
                    .append(i == 0 ? "@example.com" : "@example.org");
        }
        return emails.toString();
    }

    private static String projectId(int key) {
        return "billing-reader-" + key;
    }

    private static void writeKeyFiles(Path keys) throws IOException {
        Files.createDirectories(keys);
        for (int key = 0; key < KEY_FILES; key++) {
            String projectId = projectId(key);
            String json = KEY_JSON.formatted(projectId, key, projectId, 100_000_000L + key);
            Files.writeString(keys.resolve(projectId + ".json"), json, StandardCharsets.UTF_8);
        }
    }
}
