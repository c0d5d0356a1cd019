package io.sanctionsrisk.sanctions.csv;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The column layouts of the record files: the seed files, CSV imports and CSV exports share them. An import
 * names its kind with {@code ?kind=} or is recognised by its header (the same set of columns, in any order).
 */
public enum CsvLayout {
    ACTORS("actors", List.of("key", "name", "aliases", "description", "source", "source_url"), List.of()),
    SANCTIONS(
            "sanctions",
            List.of(
                    "key",
                    "authority",
                    "title",
                    "target_jurisdiction",
                    "announced_date",
                    "effective_date",
                    "measures",
                    "direction",
                    "severity_override",
                    "severity_override_reason",
                    "note",
                    "source",
                    "source_url"),
            List.of()),
    INCIDENTS(
            "incidents",
            List.of(
                    "key",
                    "first_action_date",
                    "date_precision",
                    "intrusion_start_date",
                    "actor",
                    "attribution_confidence",
                    "victim",
                    "sector",
                    "country",
                    "vector",
                    "attempted_usd",
                    "realised_usd",
                    "destructive",
                    "note",
                    "source",
                    "source_url",
                    "attributed_on",
                    "attributed_by",
                    "reported_on",
                    "region"),
            // Added after the first release: files written before them still read.
            List.of("attributed_on", "attributed_by", "reported_on", "region"));

    /** Separator of the items of a list field (aliases, measures). */
    public static final String LIST_SEPARATOR = ";";

    private final String kind;
    private final List<String> columns;
    private final Set<String> optional;

    CsvLayout(String kind, List<String> columns, List<String> optional) {
        this.kind = kind;
        this.columns = columns;
        this.optional = Set.copyOf(optional);
    }

    public String kind() {
        return kind;
    }

    /** Every column, in the order exports write them. */
    public List<String> columns() {
        return columns;
    }

    /** The columns a file must have: all but the optional ones. */
    public List<String> requiredColumns() {
        return columns.stream().filter(column -> !optional.contains(column)).toList();
    }

    public static Optional<CsvLayout> ofKind(String kind) {
        for (CsvLayout layout : values()) {
            if (layout.kind.equals(kind)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /**
     * The layout whose columns the header names, in any order, each at most once: all the required columns and
     * any of the optional ones.
     */
    public static Optional<CsvLayout> detect(List<String> header) {
        Set<String> names = new HashSet<>();
        header.forEach(name -> names.add(name.strip()));
        for (CsvLayout layout : values()) {
            if (names.size() == header.size()
                    && layout.columns.containsAll(names)
                    && names.containsAll(layout.requiredColumns())) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }
}
