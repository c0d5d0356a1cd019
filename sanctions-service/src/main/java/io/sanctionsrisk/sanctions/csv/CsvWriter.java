package io.sanctionsrisk.sanctions.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 rows: CRLF line ends, a field quoted when it holds a comma, quote or line break. */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            write(fields.get(i));
        }
        out.write("\r\n");
    }

    private void write(String field) throws IOException {
        if (field == null || field.isEmpty()) {
            return;
        }
        boolean quote = field.indexOf(',') >= 0
                || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0
                || !field.equals(field.strip());
        if (!quote) {
            out.write(field);
            return;
        }
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
    }
}
