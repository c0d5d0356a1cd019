package io.sanctionsrisk.sanctions.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma separator, CRLF or LF line ends, double-quoted fields with "" for a quote, fields
 * in quotes may span lines. Empty lines are skipped; a leading byte-order mark is ignored. Rows are numbered
 * as a spreadsheet shows them: the header is row 1.
 */
public final class CsvReader {

    /** One record with its row number. */
    public record Row(int number, List<String> fields) {}

    /**
     * Bounds on what one read may hold: characters on one line (a physical line; a quoted field spanning lines
     * counts each line apart), characters in one field, and rows (the header included).
     */
    public record Limits(int maxLineChars, int maxFieldChars, int maxRows) {

        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** A limit was passed: reading stopped there. */
    public static final class LimitExceeded extends IOException {

        private final String limit;
        private final int maximum;
        private final int row;

        LimitExceeded(String limit, int maximum, int row) {
            super("row " + row + " passes the " + limit + " limit of " + maximum);
            this.limit = limit;
            this.maximum = maximum;
            this.row = row;
        }

        /** {@code line}, {@code field} or {@code rows}. */
        public String limit() {
            return limit;
        }

        public int maximum() {
            return maximum;
        }

        public int row() {
            return row;
        }
    }

    /** Receives rows one at a time as they are read. */
    public interface RowSink {
        void accept(Row row) throws IOException;
    }

    private CsvReader() {}

    public static List<Row> read(Reader reader) throws IOException, CsvFormatException {
        List<Row> rows = new ArrayList<>();
        read(reader, Limits.NONE, rows::add);
        return rows;
    }

    /**
     * Reads row by row, handing each to {@code sink} as soon as it ends: only the row being read is held, and it
     * is bounded by the limits.
     */
    public static void read(Reader reader, Limits limits, RowSink sink) throws IOException, CsvFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int rowStartLine = 1;
        int line = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int lineChars = 0;
        int c = reader.read();
        if (c == '\uFEFF') {
            c = reader.read();
        }
        while (c != -1) {
            if (c == '\n') {
                lineChars = 0;
            } else if (++lineChars > limits.maxLineChars()) {
                throw new LimitExceeded("line", limits.maxLineChars(), row);
            }
            if (field.length() >= limits.maxFieldChars()) {
                throw new LimitExceeded("field", limits.maxFieldChars(), row);
            }
            if (quoted) {
                if (c == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int next = reader.read();
                    if (next != '\n') {
                        throw new CsvFormatException(row, "a carriage return must be followed by a line feed");
                    }
                }
                if (fieldStarted || field.length() > 0 || afterQuote) {
                    fields.add(field.toString());
                    if (row > limits.maxRows()) {
                        throw new LimitExceeded("rows", limits.maxRows(), row);
                    }
                    sink.accept(new Row(row, List.copyOf(fields)));
                    row++;
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                line++;
                lineChars = 0;
                rowStartLine = line;
            } else if (afterQuote) {
                throw new CsvFormatException(row, "unexpected character after a closing quote");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new CsvFormatException(row, "a quote inside an unquoted field; quote the whole field");
                }
                quoted = true;
                fieldStarted = true;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = reader.read();
        }
        if (quoted) {
            throw new CsvFormatException(row, "a quoted field opened on line " + rowStartLine + " is never closed");
        }
        if (fieldStarted || field.length() > 0 || afterQuote) {
            fields.add(field.toString());
            if (row > limits.maxRows()) {
                throw new LimitExceeded("rows", limits.maxRows(), row);
            }
            sink.accept(new Row(row, List.copyOf(fields)));
        }
    }
}
