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
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(text);
        } catch (CsvFormatException e) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, refPrefix + "not RFC 4180 CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY, refPrefix + "the CSV file is empty; it needs a header row");
        }
        List<String> header = rows.get(0).fields();
        CsvLayout layout = kind != null ? kind : CsvLayout.detect(header).orElse(null);
        if (layout == null || CsvLayout.detect(header).orElse(null) != layout) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY,
                    refPrefix + "the header " + header + " is not the column set of "
                            + (kind != null ? kind.kind() + " " + kind.columns() : "actors, sanctions or incidents")
                            + " (see the service README)");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
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
                continue;
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
