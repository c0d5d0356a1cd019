package io.sanctionsrisk.risk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the problems of one request: lists the first {@link #MAX_LISTED} and counts them all. */
public final class Violations {

    public static final int MAX_LISTED = 50;

    private final List<Violation> listed = new ArrayList<>();
    private int total;

    public void add(String field, String message) {
        total++;
        if (listed.size() < MAX_LISTED) {
            listed.add(Violation.of(field, message));
        }
    }

    public boolean any() {
        return total > 0;
    }

    public List<Violation> listed() {
        return listed;
    }

    public int total() {
        return total;
    }

    /** The problem of the given type naming the first violation and counting the rest. */
    public ApiProblem problem(ProblemType type) {
        Violation first = listed.get(0);
        String detail = (total == 1 ? "" : total + " problems, the first: ") + first.field() + ": " + first.message();
        return new ApiProblem(type, detail, listed, Map.of("errorCount", total), null);
    }
}
