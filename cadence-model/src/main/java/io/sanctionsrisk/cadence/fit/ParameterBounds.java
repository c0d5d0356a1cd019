package io.sanctionsrisk.cadence.fit;

/**
 * The box the fitter searches, documented in MODEL.md. Rates are per day; n is the event count, T the window
 * length and W the summed weight of sanctions before T.
 */
public final class ParameterBounds {

    /** Slowest decay: one e-fold in ten years. */
    public static final double RATE_MIN = 1.0 / 3650.0;

    /** Fastest decay: ten e-folds a day (shorter memory is not resolvable with daily dates). */
    public static final double RATE_MAX = 10.0;

    /** Stationarity needs alpha < 1; the fitter stops a little short to keep the likelihood well behaved. */
    public static final double ALPHA_MAX = 0.99;

    /** mu in [MU_MIN_FACTOR n / T, MU_MAX_FACTOR n / T]; the MLE never exceeds n / T. */
    public static final double MU_MIN_FACTOR = 1e-6;

    public static final double MU_MAX_FACTOR = 2.0;

    /** kappa in [0, KAPPA_MAX_FACTOR n / W]: sanctions may trigger at most 100 times the observed count. */
    public static final double KAPPA_MAX_FACTOR = 100.0;

    private ParameterBounds() {}
}
