package io.sanctionsrisk.cadence.fit;

/**
 * A point in the fitter's coordinates v with its log-likelihood; {@code kkt} is the largest violation of the
 * first-order conditions there (NaN when not computed) and {@code converged} whether the run that produced it
 * ended normally.
 */
record Optimum(double[] v, double value, boolean converged, double kkt) {

    Optimum(double[] v, double value, boolean converged) {
        this(v, value, converged, Double.NaN);
    }
}
