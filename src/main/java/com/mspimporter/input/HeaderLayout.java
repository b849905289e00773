package com.mspimporter.input;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The column at each position of the header line, checked so that every later record can be
 * matched to it. Empty cells at the end of the header, which a trailing comma leaves, are dropped.
 */
final class HeaderLayout {

    private static final String KNOWN_COLUMNS = Arrays.stream(Column.values())
            .map(Column::header)
            .collect(Collectors.joining(", "));

    private final Column[] columns;

    private HeaderLayout(Column[] columns) {
        this.columns = columns;
    }

    /** Returns the number of columns, trailing empty header cells not counted. */
    int size() {
        return columns.length;
    }

    /** Returns the column at a zero-based position. */
    Column column(int position) {
        return columns[position];
    }

    /**
     * Matches the cells of the header line to columns.
     *
     * @param cells the header's cells as parsed
     * @param text the header line as written in the file
     * @param line the physical line of the header
     * @throws InputFileException when the header is not usable, naming the cell at fault
     */
    static HeaderLayout parse(String[] cells, String text, long line) {
        int size = withoutTrailingEmptyCells(cells);
        rejectOtherSeparators(text, size, line);
        rejectMisreadByteOrderMark(cells, line);
        rejectWithoutKnownColumn(cells, size, line);

        Column[] columns = new Column[size];
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < size; i++) {
            String cell = cells[i].strip();
            int number = i + 1;
            if (cell.isEmpty()) {
                throw new InputFileException("Column " + number + " of the header on line " + line
                        + " is empty; every column needs a name.", line);
            }
            Optional<Column> column = Column.fromHeader(cell);
            if (column.isEmpty()) {
                throw new InputFileException("Column " + number + " of the header, '" + ProblemText.shorten(cell)
                        + "', is not a known column; known columns are " + KNOWN_COLUMNS + ".", line);
            }
            Integer earlier = positions.putIfAbsent(column.get(), number);
            if (earlier != null) {
                throw new InputFileException("Column " + column.get().header() + " appears twice in the header, as"
                        + " column " + earlier + " and column " + number + "; remove one of them.", line);
            }
            columns[i] = column.get();
        }
        if (!positions.containsKey(Column.CUSTOMER_NAME)) {
            throw new InputFileException("The header has no customer_name column, which every file needs.", line);
        }
        return new HeaderLayout(columns);
    }

    private static int withoutTrailingEmptyCells(String[] cells) {
        int size = cells.length;
        while (size > 0 && cells[size - 1].isBlank()) {
            size--;
        }
        return size;
    }

    private static void rejectOtherSeparators(String text, int size, long line) {
        if (size > 1) {
            return;
        }
        if (text.indexOf(';') >= 0) {
            throw new InputFileException("The header on line " + line + " is separated by semicolons, as Excel saves"
                    + " CSV in many European locales; save the file as comma-separated CSV instead.", line);
        }
        if (text.indexOf('\t') >= 0) {
            throw new InputFileException("The header on line " + line + " is separated by tabs; save the file as"
                    + " comma-separated CSV instead.", line);
        }
    }

    private static void rejectMisreadByteOrderMark(String[] cells, long line) {
        // The UTF-8 byte-order mark EF BB BF reads as these three characters in Windows-1252 and Latin-1.
        if (cells.length > 0 && cells[0].startsWith("\u00EF\u00BB\u00BF")) {
            throw new InputFileException("The file starts with a UTF-8 byte-order mark but is read in another"
                    + " charset; run with --importer.input.charset=UTF-8.", line);
        }
    }

    private static void rejectWithoutKnownColumn(String[] cells, int size, long line) {
        for (int i = 0; i < size; i++) {
            if (Column.fromHeader(cells[i]).isPresent()) {
                return;
            }
        }
        throw new InputFileException("The file has no header line: line " + line + " names none of the known"
                + " columns (" + KNOWN_COLUMNS + ").", line);
    }
}
