package com.mspimporter.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts decoded text into CSV records at the line breaks that lie outside quoted values, following
 * RFC 4180, and rejects what a well-formed file never contains.
 *
 * <p>It keeps physical line numbers, so that every error names a line, and it never keeps more
 * than one record, so that memory stays flat whatever the file's size. It rejects:
 * <ul>
 * <li>a NUL character;</li>
 * <li>a record longer than the maximum record length, checked while the record is read;</li>
 * <li>a quoted value still open at the end of the file;</li>
 * <li>text right after the closing quote of a quoted value, such as {@code "abc"d};</li>
 * <li>a quoted value that runs on into a line containing as many commas as a whole row, which is what
 *     a quote that was never closed does to the rows after it.</li>
 * </ul>
 * A quote in the middle of an unquoted value is kept as a plain character, as OpenCSV's
 * {@code RFC4180Parser} does. Line breaks inside quoted values are returned as {@code \n}.
 * A byte-order mark at the start of the text is skipped.
 */
final class RecordSplitter {

    private static final char QUOTE = '"';
    private static final char SEPARATOR = ',';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final Reader reader;
    private final long maxRecordLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder record = new StringBuilder();
    private int position;
    private int limit;
    private boolean atStart = true;
    private boolean endOfText;
    private long line = 1;
    private long lastLineRead;
    private int rowSeparatorCount = Integer.MAX_VALUE;
    private State state = State.FIELD_START;
    private long quoteLine;
    private int quotedSeparators;

    RecordSplitter(Reader reader, long maxRecordLength) {
        this.reader = reader;
        this.maxRecordLength = maxRecordLength;
    }

    /**
     * Sets the number of commas on one line from which an open quoted value is taken to have
     * swallowed a following row.
     */
    void rowSeparatorCount(int count) {
        this.rowSeparatorCount = count;
    }

    /** Returns the line that the next character belongs to, where a decoding error would be. */
    long currentLine() {
        return line;
    }

    /** Returns the number of physical lines that the records read so far span, the header included. */
    long linesRead() {
        return lastLineRead;
    }

    /**
     * Reads the next record, which is empty for a blank line.
     *
     * @return the record, or {@code null} at the end of the text
     * @throws InputFileException when the text is not well-formed CSV at this point
     * @throws IOException when reading fails, including a {@link java.nio.charset.CharacterCodingException}
     */
    RawRecord next() throws IOException {
        record.setLength(0);
        state = State.FIELD_START;
        long firstLine = line;
        boolean anyCharacter = false;
        while (true) {
            int next = read();
            if (next < 0) {
                return anyCharacter ? lastRecord(firstLine) : null;
            }
            anyCharacter = true;
            char c = (char) next;
            if (c == '\0') {
                throw new InputFileException("Line " + line + " contains a NUL character, which a CSV text file"
                        + " never has; save the file again as CSV UTF-8 (comma delimited).", line);
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (state != State.QUOTED) {
                    lastLineRead = line;
                    line++;
                    return new RawRecord(firstLine, record.toString());
                }
                line++;
                quotedSeparators = 0;
                append('\n', firstLine);
                continue;
            }
            advance(c);
            append(c, firstLine);
        }
    }

    private RawRecord lastRecord(long firstLine) {
        if (state == State.QUOTED) {
            throw unclosedQuoteAtEnd();
        }
        lastLineRead = line;
        return new RawRecord(firstLine, record.toString());
    }

    /** Moves the quoting state past one character that is not a line break. */
    private void advance(char c) {
        switch (state) {
            case FIELD_START -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                    quoteLine = line;
                    quotedSeparators = 0;
                } else if (c != SEPARATOR) {
                    state = State.UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (c == SEPARATOR) {
                    state = State.FIELD_START;
                }
            }
            case QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTE_IN_QUOTED;
                } else if (c == SEPARATOR && line > quoteLine && ++quotedSeparators >= rowSeparatorCount) {
                    throw quoteSwallowsRow();
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                } else if (c == SEPARATOR) {
                    state = State.FIELD_START;
                } else {
                    throw textAfterClosingQuote();
                }
            }
        }
    }

    private void append(char c, long firstLine) {
        if (record.length() >= maxRecordLength) {
            String cause = state == State.QUOTED
                    ? "; it has a quoted value that is not closed, so look for a missing or typographic quote (\u201D)"
                    : "";
            throw new InputFileException("The record that starts on line " + firstLine + " is longer than "
                    + maxRecordLength + " characters, the importer.input.max-record-length" + cause + ".",
                    firstLine);
        }
        record.append(c);
    }

    private InputFileException unclosedQuoteAtEnd() {
        return new InputFileException("Line " + quoteLine + " opens a quoted value that is still open at the end"
                + " of the file; close it with a straight quote (\"), not a typographic one (\u201D).", quoteLine);
    }

    private InputFileException quoteSwallowsRow() {
        return new InputFileException("Line " + quoteLine + " opens a quoted value that runs on into line " + line
                + ", which looks like a row of its own; close the value on line " + quoteLine
                + " with a straight quote (\"), not a typographic one (\u201D).", quoteLine);
    }

    private InputFileException textAfterClosingQuote() {
        if (quoteLine == line) {
            return new InputFileException("Line " + line + " has text right after the closing quote of a quoted"
                    + " value; a quote inside a quoted value must be written twice (\"\").", line);
        }
        return new InputFileException("Line " + quoteLine + " opens a quoted value that only closes on line "
                + line + ", followed by more text; close the value on line " + quoteLine
                + " with a straight quote (\"), not a typographic one (\u201D).", quoteLine);
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        if (endOfText) {
            return false;
        }
        int count;
        do {
            count = reader.read(buffer, 0, buffer.length);
        } while (count == 0);
        if (count < 0) {
            endOfText = true;
            return false;
        }
        position = 0;
        limit = count;
        if (atStart) {
            atStart = false;
            if (buffer[0] == BYTE_ORDER_MARK) {
                position = 1;
                return position < limit || fill();
            }
        }
        return true;
    }

    /**
     * One record as written in the file, without its line break.
     *
     * @param firstLine the physical line on which the record starts
     * @param text the record's characters, with line breaks inside quoted values as {@code \n}
     */
    record RawRecord(long firstLine, String text) {
    }
}
