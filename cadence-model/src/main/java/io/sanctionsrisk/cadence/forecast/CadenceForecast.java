package io.sanctionsrisk.cadence.forecast;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Erlang;
import io.sanctionsrisk.cadence.Sanction;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected counts over (T, T + h] from the mean equation of the model. With Z(t) = sum_{t_i <= T}
 * e^{-beta (t - t_i)} + integral_T^t e^{-beta (t - u)} m(u) du, the mean intensity m(t) = mu + S(t) + alpha beta
 * Z(t) and Z' = -c Z + mu + S(t), c = beta (1 - alpha): a linear ODE, solved in closed form (MODEL.md,
 * "Forecast"). Future offspring of future events are included.
 */
public final class CadenceForecast {

    /** Longest horizon accepted, in days (one hundred years). */
    public static final double MAX_HORIZON_DAYS = 36_500;

    private CadenceForecast() {}

    /**
     * Expected count over (T, T + horizon] after the window of {@code data}, with the data's sanctions plus
     * {@code extraSanctions} (hypothetical future ones, or any not in the data).
     */
    public static ExpectedCount expectedCount(
            CadenceData data, CadenceParameters p, List<Sanction> extraSanctions, double horizon) {
        if (data == null || p == null || extraSanctions == null) {
            throw new IllegalArgumentException("data, parameters and sanctions are required");
        }
        requireHorizon(horizon);
        double T = data.windowEnd();
        double memory = 0; // Z(T)
        for (double t : data.eventTimes()) {
            memory += Math.exp(-p.beta() * (T - t));
        }
        List<Sanction> all = new ArrayList<>(data.sanctions());
        all.addAll(extraSanctions);
        return expectedCount(p, memory, all, T, horizon);
    }

    /**
     * Expected count over (from, from + horizon] given the history summary {@code memory} = sum_i e^{-beta (from
     * - t_i)} over observed events t_i <= from, and all sanctions (those at or after from + horizon do not
     * act).
     */
    public static ExpectedCount expectedCount(
            CadenceParameters p, double memory, List<Sanction> sanctions, double from, double horizon) {
        if (p == null || sanctions == null) {
            throw new IllegalArgumentException("parameters and sanctions are required");
        }
        requireHorizon(horizon);
        if (!Double.isFinite(memory) || memory < 0) {
            throw new IllegalArgumentException("history memory must be finite and >= 0, got " + memory);
        }
        if (!Double.isFinite(from)) {
            throw new IllegalArgumentException("forecast origin must be finite, got " + from);
        }
        double h = horizon;
        double c = p.beta() * (1 - p.alpha());
        double decayed = -Math.expm1(-c * h) / c; // integral_0^h e^{-c x} dx
        double amplification = p.alpha() * p.beta();
        double history = amplification * memory * decayed;
        double baseline = p.mu() * h + amplification * p.mu() / c * (h - decayed);
        double sanctionsPart = 0;
        double end = from + h;
        for (Sanction s : sanctions) {
            if (s.time() >= end || s.weight() == 0 || p.kappa() == 0) {
                continue;
            }
            double v0 = Math.max(0.0, from - s.time());
            double v1 = end - s.time();
            double direct = erlang(p.shape(), p.delta() * v1) - erlang(p.shape(), p.delta() * v0);
            double damped = dampedKernelIntegral(p.shape(), p.delta(), c, v0, v1);
            // integral S (1 + (alpha beta / c)(1 - e^{-c (end - u)})) du
            double total = direct / (1 - p.alpha()) - p.alpha() / (1 - p.alpha()) * damped;
            sanctionsPart += p.kappa() * s.weight() * Math.max(0.0, total);
        }
        return new ExpectedCount(from, h, baseline, sanctionsPart, history);
    }

    private static void requireHorizon(double horizon) {
        if (!Double.isFinite(horizon) || !(horizon > 0) || horizon > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizon must be in (0, " + MAX_HORIZON_DAYS + "] days, got " + horizon);
        }
    }

    /**
     * integral_{v0}^{v1} g_k(v; delta) e^{-c (v1 - v)} dv in closed form: with r = delta - c > 0 it is (delta / r)^k
     * e^{-c v1} [P(k, r v1) - P(k, r v0)]; otherwise, with x = v1 - v and s = c - delta >= 0, a binomial sum of
     * integral_0^L x^q e^{-s x} dx = q! / s^{q+1} P(q + 1, s L).
     */
    static double dampedKernelIntegral(int k, double delta, double c, double v0, double v1) {
        double r = delta - c;
        if (r * v1 > 1e-8) {
            return Math.pow(delta / r, k) * Math.exp(-c * v1) * (erlang(k, r * v1) - erlang(k, r * v0));
        }
        double s = c - delta;
        double length = v1 - v0;
        double sum = 0;
        double binom = 1; // C(k-1, q)
        double factorial = 1; // q!
        for (int q = 0; q < k; q++) {
            if (q > 0) {
                binom = binom * (k - q) / q;
                factorial *= q;
            }
            double moment; // integral_0^L x^q e^{-s x} dx
            if (Math.abs(s) * length < 1e-8) {
                moment = Math.pow(length, q + 1) / (q + 1);
            } else {
                moment = factorial / Math.pow(s, q + 1) * erlang(q + 1, s * length);
            }
            double sign = (q % 2 == 0) ? 1 : -1;
            sum += sign * binom * Math.pow(v1, k - 1 - q) * moment;
        }
        double inverseFactorial = k == 3 ? 0.5 : 1.0;
        return Math.max(0.0, Math.pow(delta, k) * inverseFactorial * Math.exp(-delta * v1) * sum);
    }

    private static double erlang(int k, double x) {
        return Erlang.cdf(k, x);
    }
}
