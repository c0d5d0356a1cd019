package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.IntensityCurve;
import io.sanctionsrisk.cadence.IntensityPoint;
import java.util.List;

/**
 * The columns of the concave profile ({@link ProfileSolver}): for each event the unit contribution of one part of
 * lambda, and the part's compensator per unit coefficient.
 */
final class ProfileColumns {

    private ProfileColumns() {}

    /** One part of lambda at the events per unit coefficient, and its compensator over [0, T]. */
    record Column(double[] values, double mass) {}

    /** beta sum_{t_l < t_i} e^{-beta (t_i - t_l)}, with mass sum_i (1 - e^{-beta (T - t_i)}). */
    static Column excitation(CadenceData data, double beta) {
        double[] t = data.eventTimes();
        List<IntensityPoint> curve = IntensityCurve.evaluate(data, new CadenceParameters(1, 0, 0.5, beta, 1, 1), t);
        double[] values = new double[t.length];
        double mass = 0;
        for (int i = 0; i < t.length; i++) {
            values[i] = curve.get(i).selfExcitation() / 0.5;
            mass += -Math.expm1(-beta * (data.windowEnd() - t[i]));
        }
        return new Column(values, mass);
    }

    /** sum_{s_j < t_i} w_j g_k(t_i - s_j; delta), with mass sum_j w_j integral_0^T g_k. */
    static Column sanctions(CadenceData data, double delta, int k) {
        double[] t = data.eventTimes();
        List<IntensityPoint> curve = IntensityCurve.evaluate(data, new CadenceParameters(1, 1, 0, 1, delta, k), t);
        double[] values = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            values[i] = curve.get(i).sanctions();
        }
        return new Column(values, CadenceLikelihood.sanctionMass(data, delta, k));
    }

    /** exp(gamma (t_i - T/2) / T), with mass 2 T sinh(gamma / 2) / gamma. */
    static Column trendBaseline(CadenceData data, double gamma) {
        double[] t = data.eventTimes();
        double T = data.windowEnd();
        double[] values = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            values[i] = gamma == 0 ? 1.0 : Math.exp(gamma * (t[i] / T - 0.5));
        }
        return new Column(values, CadenceLikelihood.trendBaselineMass(gamma, T));
    }
}
