package com.mspimporter.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An input file of the crash tests and the GCP key files it points to. The rows mix the cases that a restart
 * must get right. They have AWS and GCP integrations, customers without an integration, users, two rows of one
 * customer, a customer given by id, an invalid row, and names that make the stand-in API reject a call.
 *
 * @param rows the records of the file, in order
 */
record CrashScenario(List<InputRow> rows) {

    static final String INPUT_FILE = "customers.csv";
    static final String RESULTS_FILE = "customers.results.csv";

    /** A service-account key whose private key is fake. */
    private static final String KEY_JSON = """
            {"type": "service_account", "project_id": "crash-billing-01", "private_key_id": "5e6f7a8b",
             "private_key": "-----BEGIN PRIVATE KEY-----\\nFAKE-CRASH-TEST-KEY\\n-----END PRIVATE KEY-----\\n",
             "client_email": "reader@crash-billing-01.iam.gserviceaccount.com", "client_id": "4455667788"}
            """;

    CrashScenario {
        rows = List.copyOf(rows);
    }

    /** Returns the 25 rows that the kill-and-restart tests import. */
    static CrashScenario mixed() {
        return new CrashScenario(List.of(
                InputRow.aws("Alder Bakery", arn("104729384756"), "ana@alder.example.com"),
                InputRow.gcp("Birch Logistics", "keys/birch.json", "ben@birch.example.com"),
                InputRow.customerOnly("Cedar Health", "cy@cedar.example.com", "dee@cedar.example.com"),
                InputRow.aws("Dune Analytics", arn("210394857612")),
                InputRow.aws("Elm Freight", arn("318273645501"), "eli@elm.example.com"),
                InputRow.gcp("Elm Freight", "keys/elm.json", "fay@elm.example.com"),
                InputRow.gcp("Fjord Media", "keys/fjord.json"),
                InputRow.customerOnly("Granite Labs"),
                InputRow.aws("Harbor Foods", arn("429384756120"), "hal@harbor.example.com",
                        "unknown.temp@harbor.example.com").expecting("PARTIAL", ""),
                InputRow.aws("Iris Retail", "arn:aws:iam::12345:role/FinOpsReadOnly", "ivy@iris.example.com")
                        .expecting("REJECTED", ""),
                InputRow.aws("Juniper Travel", arn("537281946035"), "jo@juniper.example.com")
                        .withIntegrationName("Juniper-Duplicate-AWS")
                        .expecting("PARTIAL", "create_integration"),
                InputRow.customerOnly("Kelp Rejected Co", "kim@kelp.example.com")
                        .expecting("FAILED", "create_customer"),
                InputRow.gcp("Larch Energy", "keys/larch.json", "lu@larch.example.com"),
                InputRow.aws("Maple Dental", arn("640192837465"), "mo@maple.example.com"),
                InputRow.customerOnly("Nettle Farms", "ned@nettle.example.com"),
                InputRow.gcp("Oak Software", "keys/oak.json"),
                InputRow.aws("Pine Outfitters", arn("751029384756")).withIntegrationName("Pine-Payer"),
                InputRow.aws("Quartz Mining", arn("862039485761"), "quinn@quartz.example.com"),
                InputRow.gcp("Rowan Clinics", "keys/rowan.json", "ria@rowan.example.com"),
                InputRow.customerOnly("Spruce Marine"),
                InputRow.aws("Teak Studios", arn("973048576123"), "tom@teak.example.com"),
                InputRow.gcp("Umber Textiles", "keys/umber.json", "uma@umber.example.com"),
                InputRow.aws("Vale Robotics", arn("184736251904")),
                InputRow.customerOnly("Willow Schools", "wes@willow.example.com"),
                InputRow.aws("Yew Hotels", arn("295847361028"), "yan@yew.example.com")
                        .withCustomerId("cust-yew-hotels-0001")));
    }

    /** Returns rows that all succeed, for tests that need an exact count of requests. */
    static CrashScenario clean(int customers) {
        List<InputRow> rows = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            String name = "Clean Customer " + i;
            rows.add(i % 2 == 0
                    ? InputRow.aws(name, arn(String.format("%012d", 100_000_000_000L + i)), "user" + i + "@example.com")
                    : InputRow.customerOnly(name, "user" + i + "@example.com"));
        }
        return new CrashScenario(rows);
    }

    /**
     * Returns this scenario with invalid rows appended. They cost no call, and many of them make staging and the
     * results file take a while.
     */
    CrashScenario plusInvalidRows(int count) {
        List<InputRow> invalid = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            invalid.add(InputRow.aws("Invalid Arn Customer " + i, "arn:aws:iam::12345:role/FinOpsReadOnly")
                    .expecting("REJECTED", ""));
        }
        return plus(invalid);
    }

    /** Returns this scenario with more rows appended. */
    CrashScenario plus(List<InputRow> more) {
        List<InputRow> all = new ArrayList<>(rows);
        all.addAll(more);
        return new CrashScenario(all);
    }

    /** Writes the input file and its key files into a folder and returns the input file. */
    Path writeTo(Path folder) {
        StringBuilder csv = new StringBuilder(InputRow.HEADER).append('\n');
        try {
            for (InputRow row : rows) {
                csv.append(row.toCsvLine()).append('\n');
                if (!row.gcpKeyFile().isEmpty()) {
                    Path key = folder.resolve(row.gcpKeyFile());
                    Files.createDirectories(key.getParent());
                    Files.writeString(key, KEY_JSON, StandardCharsets.UTF_8);
                }
            }
            return Files.writeString(folder.resolve(INPUT_FILE), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the input files into " + folder, e);
        }
    }

    /** Returns the requests that an undisturbed run sends, for scenarios whose valid rows all succeed. */
    long requestsOfCleanRun() {
        List<InputRow> valid = rows.stream().filter(InputRow::isValid).toList();
        long customers = valid.stream().filter(InputRow::createsCustomer).map(InputRow::customerKey).distinct().count();
        long links = valid.stream().filter(row -> row.integrationType().equals("AWS")).count();
        long integrations = valid.stream().filter(InputRow::hasIntegration).count();
        long users = valid.stream().filter(row -> !row.userEmails().isEmpty()).count();
        return customers + links + integrations + users;
    }

    private static String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/FinOpsReadOnly";
    }
}
