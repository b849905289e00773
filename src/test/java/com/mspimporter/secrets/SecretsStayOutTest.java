package com.mspimporter.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mspimporter.cli.Main;
import com.mspimporter.standin.StandInApi;

/**
 * Runs the importer with every logger at DEBUG, through a success, a lost answer and a restart, and searches
 * every output and the job database for the API key and the GCP private key.
 */
class SecretsStayOutTest {

    private static final String API_KEY = "sk-live-0f3c9a7e5d1b-canary";
    private static final String KEY_CANARY = "FAKE-KEY-CANARY-DO-NOT-LOG";

    @TempDir
    Path work;

    @Test
    void keysNeverReachLogsResultsOrDatabase() throws IOException {
        Path input = writeInput();
        Path logFile = work.resolve("logs/importer.log");
        Path database = work.resolve("db");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;

        try (StandInApi api = StandInApi.builder().apiKey(API_KEY).start()) {
            // the GCP integration's answer is lost, so its error travels through exceptions, logs and the database
            api.stub(1, post(urlPathMatching("/msp/customers/[^/]+/integrations"))
                    .withRequestBody(matchingJsonPath("$.type", com.github.tomakehurst.wiremock.client.WireMock
                            .equalTo("GCP")))
                    .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"upstream failure\"}")));
            PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            List<Integer> exitCodes = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                exitCodes.add(Main.run("--input=" + input,
                        "--importer.api.base-url=" + api.baseUrl(),
                        "--importer.api.key=" + API_KEY,
                        "--spring.datasource.url=jdbc:h2:file:" + database.resolve("job"),
                        "--logging.level.root=DEBUG",
                        "--logging.file.name=" + logFile,
                        "--importer.retry.initial-wait=10ms",
                        "--importer.retry.max-wait=20ms"));
            }
            System.setOut(originalOut);
            System.setErr(originalErr);

            assertThat(exitCodes).containsExactly(3, 3);
            assertThat(requestBodies(api)).as("the GCP key was sent to the API, so the search below means something")
                    .anyMatch(body -> body.contains(KEY_CANARY));
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        String consoleText = console.toString(StandardCharsets.UTF_8);
        assertThat(consoleText).as("console output").contains("DEBUG").doesNotContain(API_KEY)
                .doesNotContain(KEY_CANARY);
        assertThat(Files.readString(logFile)).as("log file").doesNotContain(API_KEY).doesNotContain(KEY_CANARY);
        for (Path file : filesUnder(work)) {
            if (file.startsWith(work.resolve("keys"))) {
                continue;
            }
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(API_KEY).doesNotContain(KEY_CANARY);
        }
        assertThat(filesUnder(database)).as("the job database was written").isNotEmpty();
    }

    private Path writeInput() throws IOException {
        Files.createDirectories(work.resolve("keys"));
        Files.writeString(work.resolve("keys/gcp.json"), """
                {"type":"service_account","project_id":"secret-probe-01","private_key_id":"abc123",
                 "private_key":"-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n",
                 "client_email":"reader@secret-probe-01.iam.gserviceaccount.com","client_id":"1"}
                """.formatted(KEY_CANARY));
        Path input = work.resolve("customers.csv");
        Files.writeString(input, """
                customer_name,integration_type,aws_role_arn,gcp_project_id,gcp_billing_dataset,gcp_billing_table,gcp_service_account_key_file,user_emails
                Canary Aws,AWS,arn:aws:iam::123456789012:role/Reader,,,,,a@example.com
                Canary Gcp,GCP,,secret-probe-01,billing,export_v1,keys/gcp.json,b@example.com
                """);
        return input;
    }

    private static List<String> requestBodies(StandInApi api) {
        return api.server().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(request -> request.getBodyAsString())
                .toList();
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
