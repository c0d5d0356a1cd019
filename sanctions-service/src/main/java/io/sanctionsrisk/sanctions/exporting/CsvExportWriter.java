package io.sanctionsrisk.sanctions.exporting;

import io.sanctionsrisk.sanctions.csv.CsvLayout;
import io.sanctionsrisk.sanctions.csv.CsvRecords;
import io.sanctionsrisk.sanctions.csv.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Writes one kind of record as CSV in the layout of the seed files, which is also what a CSV import reads. */
public final class CsvExportWriter {

    private CsvExportWriter() {}

    public static void write(ExportSnapshot snapshot, CsvLayout layout, OutputStream out) throws IOException {
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(text);
        csv.row(layout.columns());
        switch (layout) {
            case ACTORS -> {
                for (var record : snapshot.actors()) {
                    csv.row(CsvRecords.row(record.data()));
                }
            }
            case SANCTIONS -> {
                for (var record : snapshot.sanctions()) {
                    csv.row(CsvRecords.row(record.data()));
                }
            }
            case INCIDENTS -> {
                for (var record : snapshot.incidents()) {
                    csv.row(CsvRecords.row(record.data()));
                }
            }
        }
        text.flush();
    }
}
