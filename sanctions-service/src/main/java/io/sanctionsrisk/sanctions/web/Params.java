package io.sanctionsrisk.sanctions.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query parameters arrive as strings and are parsed here, so a bad value is a 400 that names the parameter
 * (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class Params {

    private Params() {}

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, "'" + value + "' is not an ISO date (yyyy-mm-dd)");
        }
    }

    public static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalidParameter("to", "'to' " + to + " is before 'from' " + from);
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(name, "'" + value + "' is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw ApiProblem.invalidParameter(name, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalidParameter(name, "'" + value + "' is not true or false");
        };
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
