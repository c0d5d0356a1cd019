package io.sanctionsrisk.sanctions.rest;

import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.sanctions.problem.ApiProblem;
import java.util.Set;

/** The incident list's orders. Every order ends with the key, so pages are stable. */
final class IncidentSorts {

    static final Set<String> FIELDS = Set.of("firstActionDate", "key", "attemptedUsd", "realisedUsd");

    private IncidentSorts() {}

    static Sort parse(String value) {
        String text = Params.text(value);
        if (text == null) {
            return Sort.by("firstActionDate").and("key");
        }
        boolean descending = text.startsWith("-");
        String field = descending ? text.substring(1) : text;
        if (!FIELDS.contains(field)) {
            throw ApiProblem.invalidParameter(
                    "sort",
                    "unknown sort '" + value
                            + "' (firstActionDate, key, attemptedUsd, realisedUsd; '-' for descending)");
        }
        Sort sort = Sort.by(field, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        return field.equals("key") ? sort : sort.and("key");
    }
}
