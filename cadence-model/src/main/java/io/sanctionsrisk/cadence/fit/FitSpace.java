package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.LikelihoodValue;

/**
 * The fitter's coordinates (MODEL.md, "Parameter space"): for the full model v = (ln(mu T / n), ln(1 + kappa
 * W), alpha, ln beta, ln delta), for the Hawkes model without sanctions v = (ln(mu T / n), alpha, ln beta). The
 * bounds of {@link ParameterBounds} are a box in v. Holds the data's scales (n, T, W).
 */
final class FitSpace {

    static final double BOUND_TOLERANCE = 1e-5;
    /** Nominal delta (mean lag 90 days per unit shape) reported when kappa cannot be estimated. */
    static final double NOMINAL_LAG_DAYS = 90;

    final CadenceData data;
    final int n;
    final double windowEnd;
    final double rate;
    final double weight;
    final boolean hasSanctions;

    FitSpace(CadenceData data) {
        this.data = data;
        this.n = data.eventCount();
        this.windowEnd = data.windowEnd();
        this.rate = n / windowEnd;
        this.weight = data.effectiveSanctionWeight();
        this.hasSanctions = weight > 0;
    }

    double[] hawkesLower() {
        return new double[] {Math.log(ParameterBounds.MU_MIN_FACTOR), 0, Math.log(ParameterBounds.RATE_MIN)};
    }

    double[] hawkesUpper() {
        return new double[] {
            Math.log(ParameterBounds.MU_MAX_FACTOR), ParameterBounds.ALPHA_MAX, Math.log(ParameterBounds.RATE_MAX)
        };
    }

    double[] fullLower() {
        return new double[] {
            Math.log(ParameterBounds.MU_MIN_FACTOR),
            0,
            0,
            Math.log(ParameterBounds.RATE_MIN),
            Math.log(ParameterBounds.RATE_MIN)
        };
    }

    double[] fullUpper() {
        return new double[] {
            Math.log(ParameterBounds.MU_MAX_FACTOR),
            Math.log1p(ParameterBounds.KAPPA_MAX_FACTOR * n),
            ParameterBounds.ALPHA_MAX,
            Math.log(ParameterBounds.RATE_MAX),
            Math.log(ParameterBounds.RATE_MAX)
        };
    }

    /** Natural-scale bounds of (mu, kappa, alpha, beta, delta). */
    double[] naturalLower() {
        return new double[] {
            ParameterBounds.MU_MIN_FACTOR * rate, 0, 0, ParameterBounds.RATE_MIN, ParameterBounds.RATE_MIN
        };
    }

    double[] naturalUpper() {
        return new double[] {
            ParameterBounds.MU_MAX_FACTOR * rate,
            hasSanctions ? ParameterBounds.KAPPA_MAX_FACTOR * n / weight : 0,
            ParameterBounds.ALPHA_MAX,
            ParameterBounds.RATE_MAX,
            ParameterBounds.RATE_MAX
        };
    }

    CadenceParameters hawkes(double[] v) {
        return new CadenceParameters(
                rate * Math.exp(v[0]), 0, clampAlpha(v[1]), Math.exp(v[2]), 1.0 / NOMINAL_LAG_DAYS, 1);
    }

    CadenceParameters full(double[] v, int k) {
        double kappa = hasSanctions ? Math.expm1(Math.max(0, v[1])) / weight : 0;
        return new CadenceParameters(rate * Math.exp(v[0]), kappa, clampAlpha(v[2]), Math.exp(v[3]), Math.exp(v[4]), k);
    }

    /** v of the full model at natural parameters (mu, kappa, alpha, beta, delta). */
    double[] fullCoordinates(double mu, double kappa, double alpha, double beta, double delta) {
        return new double[] {Math.log(mu / rate), Math.log1p(kappa * weight), alpha, Math.log(beta), Math.log(delta)};
    }

    /** The full model's v at the Hawkes optimum with kappa = 0 and the nominal lag. */
    double[] nestedStart(double[] hawkesV, int k) {
        return new double[] {hawkesV[0], 0, hawkesV[1], hawkesV[2], Math.log(k / NOMINAL_LAG_DAYS)};
    }

    // A point whose parameters are not valid (non-finite from an overflowing step, on extreme data) is no optimum:
    // it scores minus infinity, so the search moves away from it instead of failing.
    double hawkesValue(double[] v) {
        try {
            return CadenceLikelihood.logLikelihood(data, hawkes(v));
        } catch (IllegalArgumentException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    double fullValue(double[] v, int k) {
        try {
            return CadenceLikelihood.logLikelihood(data, full(v, k));
        } catch (IllegalArgumentException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    double[] hawkesGradient(double[] v) {
        CadenceParameters p = hawkes(v);
        LikelihoodValue g = CadenceLikelihood.logLikelihoodAndGradient(data, p);
        return new double[] {g.dMu() * p.mu(), g.dAlpha(), g.dBeta() * p.beta()};
    }

    double[] fullGradient(double[] v, int k) {
        CadenceParameters p = full(v, k);
        return toCoordinates(CadenceLikelihood.logLikelihoodAndGradient(data, p), p, v);
    }

    /** The natural-scale gradient {@code g} at {@code p} (coordinates v) as a gradient in v. */
    double[] toCoordinates(LikelihoodValue g, CadenceParameters p, double[] v) {
        double dKappaDv = hasSanctions ? Math.exp(Math.max(0, v[1])) / weight : 0;
        return new double[] {
            g.dMu() * p.mu(), g.dKappa() * dKappaDv, g.dAlpha(), g.dBeta() * p.beta(), g.dDelta() * p.delta()
        };
    }

    static double clampAlpha(double alpha) {
        return Math.min(ParameterBounds.ALPHA_MAX, Math.max(0, alpha));
    }

    static double[] clamp(double[] v, double[] lo, double[] hi) {
        double[] out = new double[v.length];
        for (int q = 0; q < v.length; q++) {
            out[q] = Math.min(hi[q], Math.max(lo[q], v[q]));
        }
        return out;
    }
}
