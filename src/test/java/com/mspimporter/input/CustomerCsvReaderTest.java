package com.mspimporter.input;

import static com.mspimporter.input.CsvFiles.HEADER;
import static com.mspimporter.input.CsvFiles.readAll;
import static com.mspimporter.input.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class CustomerCsvReaderTest {

    private static final String KNOWN_COLUMNS = "customer_name, customer_id, integration_type, integration_name,"
            + " aws_role_arn, aws_account_type, aws_cur_config_type, gcp_project_id, gcp_billing_dataset,"
            + " gcp_billing_table, gcp_service_account_key_file, user_emails, user_role";

    @TempDir
    Path folder;

    private InputFileException rejection(String content) {
        return rejection(write(folder, content));
    }

    private static InputFileException rejection(Path file) {
        return catchThrowableOfType(InputFileException.class, () -> readAll(file));
    }

    @Nested
    class Header {

        @Test
        void namesMatchIgnoringCaseAndSpaces() {
            List<CsvRecord> records = readAll(write(folder, " Customer_NAME ,USER_emails\nAcme,a@example.com\n"));

            assertThat(records).hasSize(1);
            assertThat(records.get(0).values()).isEqualTo(
                    Map.of(Column.CUSTOMER_NAME, "Acme", Column.USER_EMAILS, "a@example.com"));
        }

        @Test
        void absentColumnReadsAsEmpty() {
            CsvRecord record = readAll(write(folder, "customer_name\nAcme\n")).get(0);

            assertThat(record.values()).containsOnlyKeys(Column.CUSTOMER_NAME);
            assertThat(record.value(Column.USER_ROLE)).isEmpty();
        }

        @Test
        void byteOrderMarkIsSkipped() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] text = "customer_name,user_role\nAcme,MSP-User\n".getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, content, 0, bom.length);
            System.arraycopy(text, 0, content, bom.length, text.length);

            CsvRecord record = readAll(write(folder, content)).get(0);

            assertThat(record.value(Column.CUSTOMER_NAME)).isEqualTo("Acme");
            assertThat(record.value(Column.USER_ROLE)).isEqualTo("MSP-User");
        }

        @Test
        void misreadByteOrderMarkIsRejected() {
            byte[] content = "\uFEFFcustomer_name\nAcme\n".getBytes(StandardCharsets.UTF_8);
            Path file = write(folder, content);

            assertThatThrownBy(() -> readAll(file, CsvFiles.settings(Charset.forName("windows-1252"),
                    DataSize.ofMegabytes(1))))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("The file starts with a UTF-8 byte-order mark but is read in another charset;"
                            + " run with --importer.input.charset=UTF-8.");
        }

        @Test
        void unknownColumnIsRejected() {
            InputFileException error = rejection("customer_name,integration_type,user_emails,foo\nAcme,,,\n");

            assertThat(error).hasMessage("Column 4 of the header, 'foo', is not a known column; known columns are "
                    + KNOWN_COLUMNS + ".");
            assertThat(error.lineNumber()).isEqualTo(1);
        }

        @Test
        void duplicateColumnIsRejected() {
            InputFileException error = rejection("customer_name,user_emails,user_role,USER_EMAILS\nAcme,,,\n");

            assertThat(error).hasMessage("Column user_emails appears twice in the header, as column 2 and column 4;"
                    + " remove one of them.");
        }

        @Test
        void missingCustomerNameIsRejected() {
            assertThat(rejection("customer_id,user_emails\nc-1,a@example.com\n"))
                    .hasMessage("The header has no customer_name column, which every file needs.");
        }

        @Test
        void emptyFileIsRejected() {
            assertThat(rejection("")).hasMessage("The file is empty: it has no header line.");
        }

        @Test
        void fileOfBlankLinesIsRejectedAsEmpty() {
            assertThat(rejection("\n , \n\n")).hasMessage("The file is empty: it has no header line.");
        }

        @Test
        void firstLineWithoutKnownColumnIsNoHeader() {
            InputFileException error = rejection("Acme Corp,AWS,acme-aws\nGlobex,GCP,globex-gcp\n");

            assertThat(error).hasMessage("The file has no header line: line 1 names none of the known columns ("
                    + KNOWN_COLUMNS + ").");
            assertThat(error.lineNumber()).isEqualTo(1);
        }

        @Test
        void semicolonSeparatedFileIsRejected() {
            InputFileException error = rejection("customer_name;user_emails\nAcme;a@example.com\n");

            assertThat(error).hasMessage("The header on line 1 is separated by semicolons, as Excel saves CSV in"
                    + " many European locales; save the file as comma-separated CSV instead.");
        }

        @Test
        void tabSeparatedFileIsRejected() {
            assertThat(rejection("customer_name\tuser_emails\nAcme\ta@example.com\n"))
                    .hasMessage("The header on line 1 is separated by tabs; save the file as comma-separated CSV"
                            + " instead.");
        }

        @Test
        void emptyCellInsideHeaderIsRejected() {
            assertThat(rejection("customer_name,,user_emails\nAcme,,a@example.com\n"))
                    .hasMessage("Column 2 of the header on line 1 is empty; every column needs a name.");
        }

        @Test
        void trailingEmptyColumnsAreIgnored() {
            List<CsvRecord> records = readAll(write(folder, "customer_name,user_role,,\nAcme,MSP-User,,\nGlobex,,\n"));

            assertThat(records).extracting(record -> record.value(Column.CUSTOMER_NAME))
                    .containsExactly("Acme", "Globex");
            assertThat(records.get(0).values()).containsOnlyKeys(Column.CUSTOMER_NAME, Column.USER_ROLE);
        }

        @Test
        void blankLinesBeforeHeaderAreSkipped() {
            List<CsvRecord> records = readAll(write(folder, "\n\ncustomer_name\nAcme\n"));

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.rowNumber()).isEqualTo(1);
                assertThat(record.lineNumber()).isEqualTo(4);
            });
        }

        @Test
        void missingFileIsRejected() {
            Path missing = folder.resolve("absent.csv");

            assertThatThrownBy(() -> readAll(missing))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("The input file " + missing + " is not found or is not a regular file.");
        }
    }

    @Nested
    class Records {

        @Test
        void crlfLfAndCrLineEndingsAllEndRecords() {
            String content = "customer_name,user_role\r\nAcme,R1\r\nGlobex,R2\nInitech,R3\rUmbrella,R4";

            List<CsvRecord> records = readAll(write(folder, content));

            assertThat(records).extracting(record -> record.value(Column.USER_ROLE))
                    .containsExactly("R1", "R2", "R3", "R4");
            assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L);
        }

        @Test
        void quotedValuesKeepSpecialCharacters() {
            String content = "customer_name,user_emails,user_role\r\n"
                    + "\"Acme \"\"Rocket\"\", Inc.\",\"a@example.com;\r\nb@example.com\",MSP-User\r\n"
                    + "Globex,c@example.com,\"\"\r\n";

            List<CsvRecord> records = readAll(write(folder, content));

            assertThat(records).hasSize(2);
            assertThat(records.get(0).value(Column.CUSTOMER_NAME)).isEqualTo("Acme \"Rocket\", Inc.");
            assertThat(records.get(0).value(Column.USER_EMAILS)).isEqualTo("a@example.com;\nb@example.com");
            assertThat(records.get(1).value(Column.USER_ROLE)).isEmpty();
            assertThat(records).extracting(CsvRecord::rowNumber).containsExactly(1L, 2L);
            assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 4L);
        }

        @Test
        void valuesAreTrimmedIncludingNoBreakSpaces() {
            String content = "customer_name,user_role\n  Acme Corp\u00A0, \" MSP-User \" \n";

            CsvRecord record = readAll(write(folder, content)).get(0);

            assertThat(record.value(Column.CUSTOMER_NAME)).isEqualTo("Acme Corp");
            assertThat(record.value(Column.USER_ROLE)).isEqualTo("\" MSP-User \"");
        }

        @Test
        void quotedValueIsTrimmed() {
            CsvRecord record = readAll(write(folder, "customer_name,user_role\nAcme,\" MSP-User \"\n")).get(0);

            assertThat(record.value(Column.USER_ROLE)).isEqualTo("MSP-User");
        }

        @Test
        void blankRecordsAreSkippedWithoutCounting() {
            String content = "customer_name,user_role\n\nAcme,R1\n,\n  ,  \n\"\",\"\"\r\nGlobex,R2\n\n";

            List<CsvRecord> records = readAll(write(folder, content));

            assertThat(records).extracting(record -> record.value(Column.CUSTOMER_NAME))
                    .containsExactly("Acme", "Globex");
            assertThat(records).extracting(CsvRecord::rowNumber).containsExactly(1L, 2L);
            assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(3L, 7L);
        }

        @Test
        void fewerCellsThanColumnsReadAsEmpty() {
            CsvRecord record = readAll(write(folder, HEADER + "\nAcme,AWS\n")).get(0);

            assertThat(record.value(Column.INTEGRATION_TYPE)).isEqualTo("AWS");
            assertThat(record.values()).containsEntry(Column.USER_ROLE, "").hasSize(10);
        }

        @Test
        void valueBeyondLastColumnIsRejected() {
            InputFileException error = rejection("customer_name,user_role\nAcme,R1\nInitech, Inc.,R2\n");

            assertThat(error).hasMessage("Line 3 has a value in column 3, but the header has only 2 columns;"
                    + " a value with a comma, such as 'Initech, Inc.', must be quoted.");
            assertThat(error.lineNumber()).isEqualTo(3);
        }

        @Test
        void backslashesAreKept() {
            String content = "customer_name,gcp_service_account_key_file\n"
                    + "\"{\"\"a\"\":\"\"b\\\\n\"\"}\",C:\\keys\\k.json\n";

            CsvRecord record = readAll(write(folder, content)).get(0);

            assertThat(record.value(Column.CUSTOMER_NAME)).isEqualTo("{\"a\":\"b\\\\n\"}");
            assertThat(record.value(Column.GCP_SERVICE_ACCOUNT_KEY_FILE)).isEqualTo("C:\\keys\\k.json");
        }

        @Test
        void quoteInsideUnquotedValueIsPlainCharacter() {
            List<CsvRecord> records = readAll(write(folder, "customer_name,user_role\n5\" Disks,R1\nAcme,R2\n"));

            assertThat(records).extracting(record -> record.value(Column.CUSTOMER_NAME))
                    .containsExactly("5\" Disks", "Acme");
        }

        @Test
        void linesReadCountsPhysicalLines() {
            Path file = write(folder, "customer_name,user_emails\nAcme,\"a@example.com;\nb@example.com\"\n\nGlobex,\n");

            try (CustomerCsvReader reader = CustomerCsvReader.open(file, CsvFiles.utf8())) {
                assertThat(reader.linesRead()).isEqualTo(1);
                reader.read();
                assertThat(reader.linesRead()).isEqualTo(3);
                reader.read();
                assertThat(reader.linesRead()).isEqualTo(5);
                assertThat(reader.read()).isNull();
            }
        }

        @Test
        void millionRowsStreamWithExactNumbers() throws IOException {
            Path file = folder.resolve("large.csv");
            try (BufferedWriter writer = Files.newBufferedWriter(file)) {
                writer.write("customer_name,user_role\n");
                for (int i = 1; i <= 1_000_000; i++) {
                    writer.write("Customer ");
                    writer.write(Integer.toString(i));
                    writer.write(",R\n");
                }
            }

            long count = 0;
            CsvRecord last = null;
            try (CustomerCsvReader reader = CustomerCsvReader.open(file, CsvFiles.utf8())) {
                for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                    count++;
                    last = record;
                }
            }

            assertThat(count).isEqualTo(1_000_000);
            assertThat(last.rowNumber()).isEqualTo(1_000_000);
            assertThat(last.lineNumber()).isEqualTo(1_000_001);
            assertThat(last.value(Column.CUSTOMER_NAME)).isEqualTo("Customer 1000000");
        }
    }

    @Nested
    class BrokenFiles {

        @Test
        void nulCharacterIsRejected() {
            InputFileException error = rejection("customer_name,user_role\nAcme,R1\nGlo\0bex,R2\n");

            assertThat(error).hasMessage("Line 3 contains a NUL character, which a CSV text file never has; save the"
                    + " file again as CSV UTF-8 (comma delimited).");
            assertThat(error.lineNumber()).isEqualTo(3);
        }

        @Test
        void quoteOpenAtEndIsRejected() {
            String content = "customer_name,user_emails\n"
                    + "Acme,\"a@example.com;\nb@example.com\"\n"
                    + "\"Globex\u201D,c@example.com\n"
                    + "Initech\n";

            InputFileException error = rejection(content);

            assertThat(error).hasMessage("Line 4 opens a quoted value that is still open at the end of the file;"
                    + " close it with a straight quote (\"), not a typographic one (\u201D).");
            assertThat(error.lineNumber()).isEqualTo(4);
        }

        @Test
        void openQuoteIntoNextRowIsRejected() {
            StringBuilder content = new StringBuilder(HEADER).append('\n')
                    .append("Acme,AWS,,,,,,,,\n")
                    .append("\"Globex\u201D,AWS,,,,,,,,\n")
                    .append("Initech,AWS,,,,,,,,\n");
            for (int i = 0; i < 1000; i++) {
                content.append("Row ").append(i).append(",AWS,,,,,,,,\"R\"\n");
            }

            InputFileException error = rejection(content.toString());

            assertThat(error).hasMessage("Line 3 opens a quoted value that runs on into line 4, which looks like a"
                    + " row of its own; close the value on line 3 with a straight quote (\"), not a typographic"
                    + " one (\u201D).");
            assertThat(error.lineNumber()).isEqualTo(3);
        }

        @Test
        void rowsBeforeBrokenQuoteStaySeparate() {
            Path file = write(folder, "customer_name,user_role\nAcme,R1\n\"Globex\u201D,R2\nInitech,R3\n");
            List<CsvRecord> records = new ArrayList<>();

            try (CustomerCsvReader reader = CustomerCsvReader.open(file, CsvFiles.utf8())) {
                assertThatThrownBy(() -> {
                    for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                        records.add(record);
                    }
                }).isInstanceOf(InputFileException.class).hasMessageStartingWith("Line 3 opens a quoted value");
            }

            assertThat(records).extracting(record -> record.value(Column.CUSTOMER_NAME)).containsExactly("Acme");
        }

        @Test
        void textAfterClosingQuoteIsRejected() {
            InputFileException error = rejection("customer_name,user_role\nAcme,R1\n\"Glo\"bex,R2\n");

            assertThat(error).hasMessage("Line 3 has text right after the closing quote of a quoted value; a quote"
                    + " inside a quoted value must be written twice (\"\").");
            assertThat(error.lineNumber()).isEqualTo(3);
        }

        @Test
        void lateQuoteCloseNamesOpeningLine() {
            InputFileException error = rejection("customer_name,user_role\n\"Acme,R1\nGlobex,\"R2\"\n");

            assertThat(error).hasMessage("Line 2 opens a quoted value that only closes on line 3, followed by more"
                    + " text; close the value on line 2 with a straight quote (\"), not a typographic one (\u201D).");
            assertThat(error.lineNumber()).isEqualTo(2);
        }

        @Test
        void overlongRecordIsRejected() {
            Path file = write(folder, "customer_name,user_role\nAcme,R1\n" + "x".repeat(200) + ",R2\n");

            InputFileException error = catchThrowableOfType(InputFileException.class,
                    () -> readAll(file, CsvFiles.settings(StandardCharsets.UTF_8, DataSize.ofBytes(100))));

            assertThat(error).hasMessage("The record that starts on line 3 is longer than 100 characters, the"
                    + " importer.input.max-record-length.");
            assertThat(error.lineNumber()).isEqualTo(3);
        }

        @Test
        void overlongOpenQuoteIsRejected() {
            String content = "customer_name,user_role\nAcme,R1\n\"Globex,R2\n" + "Initech,R3\n".repeat(20);
            Path file = write(folder, content);

            InputFileException error = catchThrowableOfType(InputFileException.class,
                    () -> readAll(file, CsvFiles.settings(StandardCharsets.UTF_8, DataSize.ofBytes(100))));

            assertThat(error).hasMessage("The record that starts on line 3 is longer than 100 characters, the"
                    + " importer.input.max-record-length; it has a quoted value that is not closed, so look for a"
                    + " missing or typographic quote (\u201D).");
        }

        @Test
        void recordOfExactlyLimitIsRead() {
            String name = "x".repeat(97);
            Path file = write(folder, "customer_name,user_role\n" + name + ",R1\n");

            List<CsvRecord> records = readAll(file, CsvFiles.settings(StandardCharsets.UTF_8, DataSize.ofBytes(100)));

            assertThat(records).singleElement().satisfies(record ->
                    assertThat(record.value(Column.CUSTOMER_NAME)).isEqualTo(name));
        }
    }

    @Nested
    class Charsets {

        private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

        @Test
        void windows1252FileIsReadWithThatCharset() {
            String content = "customer_name,user_role\nCaf\u00E9 Exemple \u2013 Paris,R1\n";
            Path file = write(folder, content.getBytes(WINDOWS_1252));

            List<CsvRecord> records = readAll(file, CsvFiles.settings(WINDOWS_1252, DataSize.ofMegabytes(1)));

            assertThat(records).singleElement().satisfies(record ->
                    assertThat(record.value(Column.CUSTOMER_NAME)).isEqualTo("Caf\u00E9 Exemple \u2013 Paris"));
        }

        @Test
        void invalidUtf8IsRejectedWithItsLine() {
            StringBuilder content = new StringBuilder("customer_name,user_role\n");
            for (int i = 0; i < 5; i++) {
                content.append("Customer ").append(i).append(",R\n");
            }
            content.append("Caf\u00E9,R\n");
            Path file = write(folder, content.toString().getBytes(WINDOWS_1252));

            InputFileException error = rejection(file);

            assertThat(error).hasMessage("Line 7 is not valid UTF-8; if the file was saved as Windows-1252 or"
                    + " Latin-1, run with --importer.input.charset=windows-1252.");
            assertThat(error.lineNumber()).isEqualTo(7);
        }

        @Test
        void lateInvalidUtf8NamesExactLine() {
            StringBuilder content = new StringBuilder("customer_name,user_role\n");
            for (int i = 0; i < 3000; i++) {
                content.append("Customer ").append(i).append(",R\n");
            }
            content.append("Caf\u00E9,R\nAcme,R\n");
            Path file = write(folder, content.toString().getBytes(WINDOWS_1252));

            assertThat(rejection(file).lineNumber()).isEqualTo(3002);
        }

        @Test
        void truncatedUtf8SequenceAtEndIsRejected() {
            byte[] text = "customer_name\nAcme\nCaf".getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[text.length + 1];
            System.arraycopy(text, 0, content, 0, text.length);
            content[text.length] = (byte) 0xC3;

            assertThat(rejection(write(folder, content)).lineNumber()).isEqualTo(3);
        }

        @Test
        void undefinedWindows1252ByteIsRejected() {
            byte[] content = "customer_name\nA?\n".getBytes(StandardCharsets.US_ASCII);
            content[content.length - 2] = (byte) 0x81;
            Path file = write(folder, content);

            assertThatThrownBy(() -> readAll(file, CsvFiles.settings(WINDOWS_1252, DataSize.ofMegabytes(1))))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageStartingWith("Line 2 ")
                    .hasMessageContaining("windows-1252");
        }
    }
}
