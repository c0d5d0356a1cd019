package io.sanctionsrisk.sanctions.dto;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Normalisation shared by the data records: trimmed text, blank as unknown. */
final class Text {

    private Text() {}

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trimmed, without blanks and repeats, in the given order; an absent list is an empty one. */
    static List<String> cleanList(List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            String cleaned = clean(value);
            if (cleaned != null) {
                seen.add(cleaned);
            }
        }
        return List.copyOf(new ArrayList<>(seen));
    }
}
