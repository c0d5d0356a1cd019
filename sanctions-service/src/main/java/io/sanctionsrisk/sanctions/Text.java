package io.sanctionsrisk.sanctions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Normalisation shared by the data records: trimmed text, blank as unknown. */
public final class Text {

    private Text() {}

    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trimmed, without blanks and repeats, in the given order; an absent list is an empty one. */
    public static List<String> cleanList(List<String> values) {
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
