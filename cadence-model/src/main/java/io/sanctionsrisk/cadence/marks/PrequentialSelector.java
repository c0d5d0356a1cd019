package io.sanctionsrisk.cadence.marks;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the mark hyperparameters prequentially (MODEL.md, "Choosing half-life and prior strength"): as of a time
 * T, every candidate prior is scored by the rolling-origin held-out cell log score over the origins o_j = first +
 * j step < T: the posterior fitted at o_j on the heists known by o_j predicts the cell of each heist in (o_j, o_j +
 * step] (and at or before T) known by T, scoring log of its posterior mean share. Only what was known at T enters.
 * The highest total wins (ties: the earlier candidate); with no heist to score, {@link MarkPrior#STATIC}.
 */
public final class PrequentialSelector {

    /** Candidate half-lives in days (infinite: none). */
    public static final double[] DEFAULT_HALF_LIVES = {365, 730, 1095, 1461, 2191, 2922, 4383, Double.POSITIVE_INFINITY
    };

    /** Candidate prior strengths in pseudo-heists. */
    public static final double[] DEFAULT_STRENGTHS = {0.5, 1, 2, 4, 8, 16, 32, 64};

    private PrequentialSelector() {}

    /**
     * The candidate grid: today's static prior first, then every half-life x strength with the nested base. A uniform
     * base with a0 above one pseudo-heist is left out: it pulls every sector's share toward 1/J, a strong prior
     * about sectors that nothing supports.
     */
    public static List<MarkPrior> defaultCandidates() {
        List<MarkPrior> out = new ArrayList<>();
        out.add(MarkPrior.STATIC);
        for (double h : DEFAULT_HALF_LIVES) {
            for (double a0 : DEFAULT_STRENGTHS) {
                out.add(new MarkPrior(h, a0, MarkPrior.Base.NESTED));
            }
        }
        return List.copyOf(out);
    }

    /** The winner and every candidate's score. */
    public record Selection(MarkPrior chosen, int scoredHeists, List<Double> scores, List<MarkPrior> candidates) {}

    /**
     * Scores every candidate as of {@code asOf} over inner origins from {@code firstOrigin} every {@code step}
     * days.
     */
    public static Selection select(
            List<String> sectors,
            List<String> regions,
            List<MarkedEvent> events,
            double asOf,
            double firstOrigin,
            double step,
            List<MarkPrior> candidates) {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(firstOrigin) || !Double.isFinite(asOf)) {
            throw new IllegalArgumentException("asOf, the first origin and a positive step must be finite");
        }
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate prior is required");
        }
        List<Double> scores = new ArrayList<>(candidates.size());
        int scored = 0;
        int best = -1;
        for (int k = 0; k < candidates.size(); k++) {
            double total = 0;
            int heists = 0;
            for (double o = firstOrigin; o < asOf; o += step) {
                CellPosterior posterior = DiscountedCellModel.fit(sectors, regions, events, o, candidates.get(k));
                double end = Math.min(o + step, asOf);
                for (MarkedEvent e : events) {
                    if (e.cell() != null && e.time() > o && e.time() <= end && e.knownBy(asOf)) {
                        total += Math.log(posterior.mean(posterior.indexOf(e.cell())));
                        heists++;
                    }
                }
            }
            scores.add(total);
            scored = heists;
            if (heists > 0 && (best < 0 || total > scores.get(best))) {
                best = k;
            }
        }
        MarkPrior chosen = best < 0 ? MarkPrior.STATIC : candidates.get(best);
        return new Selection(chosen, scored, List.copyOf(scores), List.copyOf(candidates));
    }
}
