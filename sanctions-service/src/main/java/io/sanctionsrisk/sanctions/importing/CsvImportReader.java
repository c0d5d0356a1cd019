package io.sanctionsrisk.sanctions.importing;

import io.sanctionsrisk.sanctions.csv.CsvFormatException;
import io.sanctionsrisk.sanctions.csv.CsvLayout;
import io.sanctionsrisk.sanctions.csv.CsvReader;
import io.sanctionsrisk.sanctions.csv.CsvRecords;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV file of actors, sanctions or incidents into a batch. The kind is given or recognised by the
 * header. A file that is not CSV, or whose header fits no layout, is a 400; a row that cannot be read becomes
 * a problem of the batch, naming the row and column.
 */
public final class CsvImportReader {

    private CsvImportReader() {}

    public static ImportBatch newBatch() {
        return new ImportBatch("csv", ImportBatch::snakeCase);
    }

    /**
     * @param kind the layout the file must have, or null to recognise it by the header
     * @param refPrefix put before "row N" in references, e.g. the file name of a seed file
     */
    public static void read(Reader text, CsvLayout kind, String refPrefix, ImportBatch batch) throws IOException {
        read(text, kind, refPrefix, batch, CsvReader.Limits.NONE);
    }

    /**
     * Reads row by row: each row is checked and added to the batch as it ends, so only the batch is held, and a
     * row past a limit stops the read with a 413 naming the limit.
     */
    public static void read(Reader text, CsvLayout kind, String refPrefix, ImportBatch batch, CsvReader.Limits limits)
            throws IOException {
        RowHandler handler = new RowHandler(kind, refPrefix, batch);
        try {
            CsvReader.read(text, limits, handler::accept);
        } catch (CsvFormatException e) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, refPrefix + "not RFC 4180 CSV: " + e.getMessage());
        } catch (CsvReader.LimitExceeded e) {
            throw ImportLimits.exceeded(
                    switch (e.limit()) {
                        case "line" -> ImportLimits.MAX_LINE_CHARS;
                        case "field" -> ImportLimits.MAX_FIELD_CHARS;
                        default -> ImportLimits.MAX_RECORDS;
                    },
                    e.limit().equals("rows") ? e.maximum() - 1 : e.maximum(),
                    refPrefix + "row " + e.row());
        }
        if (handler.layout == null) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY, refPrefix + "the CSV file is empty; it needs a header row");
        }
    }

    /** Takes the header, then each record row. */
    private static final class RowHandler {
        private final CsvLayout kind;
        private final String refPrefix;
        private final ImportBatch batch;
        private CsvLayout layout;
        private List<String> header;
        private final Map<String, Integer> columns = new HashMap<>();

        RowHandler(CsvLayout kind, String refPrefix, ImportBatch batch) {
            this.kind = kind;
            this.refPrefix = refPrefix;
            this.batch = batch;
        }

        void accept(CsvReader.Row row) {
            if (layout == null) {
                header(row.fields());
            } else {
                record(row);
            }
        }

        private void header(List<String> fields) {
            header = fields;
            CsvLayout detected = CsvLayout.detect(header).orElse(null);
            CsvLayout chosen = kind != null ? kind : detected;
            if (chosen == null || detected != chosen) {
                throw new ApiProblem(
                        ProblemType.MALFORMED_BODY,
                        refPrefix + "the header " + header + " is not the column set of "
                                + (kind != null ? kind.kind() + " " + kind.columns() : "actors, sanctions or incidents")
                                + " (see the service README)");
            }
            layout = chosen;
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).strip(), i);
            }
        }

        private void record(CsvReader.Row row) {
            String ref = refPrefix + "row " + row.number();
            int keyColumn = columns.get("key");
            String key = keyColumn < row.fields().size()
                    ? row.fields().get(keyColumn).strip()
                    : null;
            if (row.fields().size() != header.size()) {
                batch.addProblem(new Violation(
                        ref,
                        kindName(layout),
                        null,
                        null,
                        "has " + row.fields().size() + " fields, the header has " + header.size()));
                return;
            }
            CsvRecords.RowReader reader = new CsvRecords.RowReader(columns, row.fields());
            switch (layout) {
                case ACTORS -> {
                    var data = CsvRecords.actor(reader);
                    if (reader.violations().isEmpty()) {
                        batch.addActor(ref, data);
                    }
                }
                case SANCTIONS -> {
                    var data = CsvRecords.sanction(reader);
                    if (reader.violations().isEmpty()) {
                        batch.addSanction(ref, data);
                    }
                }
                case INCIDENTS -> {
                    var data = CsvRecords.incident(reader);
                    if (reader.violations().isEmpty()) {
                        batch.addIncident(ref, data);
                    }
                }
            }
            for (Violation violation : reader.violations()) {
                batch.addProblem(violation.at(ref, kindName(layout), key == null || key.isEmpty() ? null : key));
            }
        }
    }

    static String kindName(CsvLayout layout) {
        return switch (layout) {
            case ACTORS -> "actor";
            case SANCTIONS -> "sanction";
            case INCIDENTS -> "incident";
        };
    }
}
