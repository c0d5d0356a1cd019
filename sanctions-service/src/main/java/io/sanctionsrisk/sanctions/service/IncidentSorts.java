package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.Params;

/** The incident list's orders. Every order ends with the key, so pages are stable. */
public final class IncidentSorts {

    private IncidentSorts() {}

    public static IncidentRepository.Order parse(String value) {
        String text = Params.text(value);
        if (text == null) {
            return IncidentRepository.Order.DEFAULT;
        }
        boolean descending = text.startsWith("-");
        String field = descending ? text.substring(1) : text;
        if (!IncidentRepository.Order.FIELDS.contains(field)) {
            throw ApiProblem.invalidParameter(
                    "sort",
                    "unknown sort '" + value
                            + "' (firstActionDate, key, attemptedUsd, realisedUsd; '-' for descending)");
        }
        return new IncidentRepository.Order(field, descending);
    }
}
