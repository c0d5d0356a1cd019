package io.sanctionsrisk.sanctions.importing;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.web.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What a reader made of a file: the records with where each came from (a row, a JSON path, a STIX id), the
 * records that could not be read, and the STIX objects skipped. Nothing here has touched the database.
 */
public final class ImportBatch {

    /** One record and its place in the file. */
    public record Item<T>(String ref, T data) {}

    private final String format;
    private final UnaryOperator<String> fieldNames;
    private final List<Item<ActorData>> actors = new ArrayList<>();
    private final List<Item<SanctionData>> sanctions = new ArrayList<>();
    private final List<Item<IncidentData>> incidents = new ArrayList<>();
    private final List<Violation> problems = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<String, Integer> ignored = new TreeMap<>();

    /**
     * @param fieldNames turns a field name of the data records (camelCase) into the file's own name for it,
     *     so problems name the column or property the sender wrote
     */
    public ImportBatch(String format, UnaryOperator<String> fieldNames) {
        this.format = format;
        this.fieldNames = fieldNames;
    }

    public void addActor(String ref, ActorData data) {
        actors.add(new Item<>(ref, data));
    }

    public void addSanction(String ref, SanctionData data) {
        sanctions.add(new Item<>(ref, data));
    }

    public void addIncident(String ref, IncidentData data) {
        incidents.add(new Item<>(ref, data));
    }

    /** A record that could not be read (wrong types, wrong shape); it counts as rejected. */
    public void addProblem(Violation violation) {
        problems.add(violation);
    }

    /** An object the format allows but this service does not hold (an unknown STIX type, say). */
    public void skip(String type) {
        skipped.merge(type, 1, Integer::sum);
    }

    /** A property of a held object that no reader uses ("incident.severity"), counted and left out. */
    public void ignore(String property) {
        ignored.merge(property, 1, Integer::sum);
    }

    public Map<String, Integer> ignored() {
        return ignored;
    }

    public String format() {
        return format;
    }

    public String fieldName(String recordField) {
        return recordField == null ? null : fieldNames.apply(recordField);
    }

    public List<Item<ActorData>> actors() {
        return actors;
    }

    public List<Item<SanctionData>> sanctions() {
        return sanctions;
    }

    public List<Item<IncidentData>> incidents() {
        return incidents;
    }

    public List<Violation> problems() {
        return problems;
    }

    public Map<String, Integer> skipped() {
        return skipped;
    }

    /** "firstActionDate" as the CSV column "first_action_date". */
    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
