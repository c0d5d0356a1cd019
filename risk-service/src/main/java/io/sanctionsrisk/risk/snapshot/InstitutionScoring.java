package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.risk.web.Violation;
import java.util.List;

/**
 * Checks and scores institutions by the rules of {@code POST /api/v1/scores} for features that hold institutions of
 * their own (portfolios). The scoring feature implements it; callers depend on this interface only, so the rules
 * live in one place.
 */
public interface InstitutionScoring {

    /**
     * An institution as a caller holds it: codes as sent, exposure levels by their API names, each optional.
     *
     * @param id the caller's id, echoed in problems
     * @param horizonDays days ahead, or null for the default
     */
    record Input(
            String id,
            String sector,
            String country,
            Integer horizonDays,
            String swiftConnectivity,
            String cryptoCustody,
            String correspondentExposure,
            String controlMaturity) {}

    /** One scored institution: the 0..100 score, its band code, the probability of at least one heist, the mean. */
    record Score(double score, String band, double probability, double expectedCount) {}

    /** Checks inputs against one snapshot's cells and the taxonomy. */
    interface Checker {

        /** The snapshot the checks are made against. */
        LoadedSnapshot snapshot();

        /**
         * Adds every problem of {@code input} to {@code errors}, each field named as {@code prefix + field}; true
         * when there is none.
         */
        boolean check(Input input, String prefix, List<Violation> errors);
    }

    /** A checker bound to the serving snapshot; a 503 problem with Retry-After while none was fitted yet. */
    Checker servingChecker();

    /**
     * Scores every input against {@code snapshot} over a horizon starting today (or the day after the snapshot's
     * window, if later), as a single score would. An input that snapshot cannot score (its sector or region has no
     * cell there) is {@code null} in the answer, at the input's index.
     */
    Score[] scoreAll(LoadedSnapshot snapshot, List<Input> inputs);
}
