package io.sanctionsrisk.risk.web;

/** The page and size query parameters of the lists: page from 0, size 1..max (default 20); bad values are a 400. */
public final class Paging {

    static final int DEFAULT_SIZE = 20;

    private Paging() {}

    public static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(value.trim());
            if (page < 0 || page > 1_000_000) {
                throw ApiProblem.invalidParameter("page", "must be between 0 and 1000000, got " + page);
            }
            return page;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("page", "'" + value + "' is not an integer");
        }
    }

    public static int size(String value, int max) {
        if (value == null || value.isBlank()) {
            return Math.min(DEFAULT_SIZE, max);
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size < 1 || size > max) {
                throw ApiProblem.invalidParameter("size", "must be between 1 and " + max + ", got " + size);
            }
            return size;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("size", "'" + value + "' is not an integer");
        }
    }
}
