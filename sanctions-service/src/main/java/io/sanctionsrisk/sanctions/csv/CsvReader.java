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

    private CsvReader() {}

    public static List<Row> read(Reader reader) throws IOException, CsvFormatException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int rowStartLine = 1;
        int line = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int c = reader.read();
        if (c == '\uFEFF') {
            c = reader.read();
        }
        while (c != -1) {
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
                    rows.add(new Row(row, List.copyOf(fields)));
                    row++;
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                line++;
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
            rows.add(new Row(row, List.copyOf(fields)));
        }
        return rows;
    }
}
