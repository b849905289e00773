package com.mspimporter.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import com.opencsv.RFC4180Parser;

import com.mspimporter.config.ImporterProperties;

/**
 * Streams the records of an input CSV, matching cells to the header.
 * Blank records are skipped; every other record is returned with its record and line numbers.
 *
 * <p>The file is decoded strictly in the configured charset, cut into records by
 * {@link RecordSplitter} and split into cells by OpenCSV's {@link RFC4180Parser}, which keeps
 * backslashes as written. Memory stays flat: only the current record is held. A record with a
 * value beyond the header's last column is a broken file, not a rejected row, because its cells
 * cannot be matched to columns with any confidence: the whole file is rejected, naming its line.
 * Empty cells beyond the last column, which a trailing comma leaves, are ignored.
 */
public final class CustomerCsvReader implements Closeable {

    private final StrictDecodingReader source;
    private final RecordSplitter splitter;
    private final Charset charset;
    private final HeaderLayout header;
    private final RFC4180Parser parser = new RFC4180Parser();
    private long rowNumber;

    private CustomerCsvReader(StrictDecodingReader source, Charset charset, long maxRecordLength) {
        this.source = source;
        this.charset = charset;
        this.splitter = new RecordSplitter(source, maxRecordLength);
        this.header = readHeader();
        // A quoted value that runs on into a line with a whole row's worth of commas has swallowed that row.
        splitter.rowSeparatorCount(Math.max(2, header.size() - 1));
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputFileException when the file cannot be read or its header is unusable
     */
    public static CustomerCsvReader open(Path file, ImporterProperties.Input settings) {
        if (!Files.isRegularFile(file)) {
            throw new InputFileException("The input file " + file + " is not found or is not a regular file.", 0);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new InputFileException("The input file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ").", 0, e);
        }
        StrictDecodingReader source = new StrictDecodingReader(in, settings.charset());
        long maxRecordLength = Math.min(settings.maxRecordLength().toBytes(), Integer.MAX_VALUE - 8);
        try {
            return new CustomerCsvReader(source, settings.charset(), maxRecordLength);
        } catch (RuntimeException e) {
            closeQuietly(source, e);
            throw e;
        }
    }

    /**
     * Reads the next record that is not blank.
     *
     * @return the record, or {@code null} at the end of the file
     * @throws InputFileException when the file is broken at this point
     */
    public CsvRecord read() {
        while (true) {
            RecordSplitter.RawRecord raw = nextRaw();
            if (raw == null) {
                return null;
            }
            String[] cells = parse(raw);
            if (isBlank(cells)) {
                continue;
            }
            rowNumber++;
            return new CsvRecord(rowNumber, raw.firstLine(), valuesOf(cells, raw.firstLine()));
        }
    }

    /** Returns the number of physical lines that the header and the records read so far span. */
    public long linesRead() {
        return splitter.linesRead();
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HeaderLayout readHeader() {
        while (true) {
            RecordSplitter.RawRecord raw = nextRaw();
            if (raw == null) {
                throw new InputFileException("The file is empty: it has no header line.", 0);
            }
            String[] cells = parse(raw);
            if (!isBlank(cells)) {
                return HeaderLayout.parse(cells, raw.text(), raw.firstLine());
            }
        }
    }

    private RecordSplitter.RawRecord nextRaw() {
        try {
            return splitter.next();
        } catch (CharacterCodingException e) {
            throw invalidBytes(e);
        } catch (IOException e) {
            long line = splitter.currentLine();
            throw new InputFileException("Reading line " + line + " failed: " + e.getMessage() + ".", line, e);
        }
    }

    private InputFileException invalidBytes(CharacterCodingException e) {
        long line = splitter.currentLine();
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new InputFileException("Line " + line + " is not valid UTF-8; if the file was saved as"
                    + " Windows-1252 or Latin-1, run with --importer.input.charset=windows-1252.", line, e);
        }
        String kind = e instanceof MalformedInputException ? "is not valid " : "has a byte with no character in ";
        return new InputFileException("Line " + line + " " + kind + charset.name() + "; run with the"
                + " --importer.input.charset that the file was saved in.", line, e);
    }

    private String[] parse(RecordSplitter.RawRecord raw) {
        try {
            return parser.parseLine(raw.text());
        } catch (IOException e) {
            // RFC4180Parser reads from the string it is given, so this is not expected to happen.
            throw new InputFileException("Line " + raw.firstLine() + " cannot be parsed as CSV.", raw.firstLine(), e);
        }
    }

    private Map<Column, String> valuesOf(String[] cells, long line) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            values.put(header.column(i), i < cells.length ? trim(cells[i]) : "");
        }
        for (int i = header.size(); i < cells.length; i++) {
            if (!trim(cells[i]).isEmpty()) {
                throw new InputFileException("Line " + line + " has a value in column " + (i + 1) + ", but the header"
                        + " has only " + header.size() + " columns; a value with a comma, such as 'Initech, Inc.',"
                        + " must be quoted.", line);
            }
        }
        return values;
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!trim(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Removes white space at both ends, including the no-break space that spreadsheets paste. */
    static String trim(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static void closeQuietly(Closeable closeable, RuntimeException failure) {
        try {
            closeable.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
