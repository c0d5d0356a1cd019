package io.sanctionsrisk.cadence;

/**
 * Log-likelihood of the cadence model, log L = sum_i log lambda(t_i) - integral_0^T lambda(t) dt, and its
 * analytic gradient, in O(n + m) time by the Ozaki-style recursions described in MODEL.md.
 *
 * <p>Recursion state at the current time t (only points strictly before t contribute):
 *
 * <ul>
 *   <li>E(t) = sum_{t_i < t} exp(-beta (t - t_i)), F(t) = sum_{t_i < t} (t - t_i) exp(-beta (t - t_i));
 *       advancing by d: F' = e^{-beta d} (F + d E), E' = e^{-beta d} E;
 *   <li>M_r(t) = sum_{s_j < t} w_j (t - s_j)^r exp(-delta (t - s_j)), r = 0..3; advancing by d:
 *       M_r' = e^{-delta d} sum_{q <= r} C(r, q) d^{r - q} M_q (binomial expansion).
 * </ul>
 *
 * The sanctions part of the intensity is kappa delta^k M_{k-1} / (k - 1)!.
 */
public final class CadenceLikelihood {

    private static final double[] INVERSE_FACTORIAL = {1.0, 1.0, 0.5, 1.0 / 6.0};

    private CadenceLikelihood() {}

    /** log L(theta) = sum_i log lambda(t_i) - Lambda(T). */
    public static double logLikelihood(CadenceData data, CadenceParameters p) {
        return evaluate(data, p, 0, false, null).logLikelihood();
    }

    /** log L and its analytic gradient, in one O(n + m) pass. */
    public static LikelihoodValue logLikelihoodAndGradient(CadenceData data, CadenceParameters p) {
        return evaluate(data, p, 0, true, null);
    }

    /**
     * log L with the log-linear baseline mu(t) = mu exp(gamma (t - T/2) / T) (MODEL.md, "Time-varying baseline");
     * gamma = 0 gives {@link #logLikelihood(CadenceData, CadenceParameters)} exactly.
     */
    public static double logLikelihood(CadenceData data, CadenceParameters p, double gamma) {
        requireTrend(gamma);
        return evaluate(data, p, gamma, false, null).logLikelihood();
    }

    /** log L with the log-linear baseline and its gradient, d/d gamma included, in one O(n + m) pass. */
    public static TrendLikelihoodValue logLikelihoodAndGradient(CadenceData data, CadenceParameters p, double gamma) {
        requireTrend(gamma);
        double[] dGamma = new double[1];
        LikelihoodValue value = evaluate(data, p, gamma, true, dGamma);
        return new TrendLikelihoodValue(value, dGamma[0]);
    }

    /** integral_0^T exp(gamma (t - T/2) / T) dt = 2 T sinh(gamma / 2) / gamma (T at gamma = 0). */
    public static double trendBaselineMass(double gamma, double windowEnd) {
        if (Math.abs(gamma) < 1e-4) {
            return windowEnd * (1 + gamma * gamma / 24);
        }
        return 2 * windowEnd * Math.sinh(gamma / 2) / gamma;
    }

    // d/d gamma of trendBaselineMass.
    private static double trendBaselineMassDerivative(double gamma, double windowEnd) {
        if (Math.abs(gamma) < 1e-4) {
            return windowEnd * gamma / 12;
        }
        return windowEnd * (Math.cosh(gamma / 2) / gamma - 2 * Math.sinh(gamma / 2) / (gamma * gamma));
    }

    private static void requireTrend(double gamma) {
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("trend gamma must be finite, got " + gamma);
        }
    }

    /**
     * Compensator Lambda(T) = mu T + kappa sum_j w_j [P(k, delta (T - s_j)) - P(k, delta max(0, -s_j))] + alpha
     * sum_i (1 - exp(-beta (T - t_i))), P the regularized lower incomplete gamma function ({@link Erlang#cdf}).
     */
    public static double compensator(CadenceData data, CadenceParameters p) {
        double T = data.windowEnd();
        double exc = 0;
        for (double t : data.events()) {
            exc += -Math.expm1(-p.beta() * (T - t));
        }
        return p.mu() * T + p.kappa() * sanctionMass(data, p.delta(), p.shape()) + p.alpha() * exc;
    }

    /**
     * sum_j w_j integral over [0, T] of g_k(t - s_j; delta): the expected sanction-triggered count per unit
     * kappa inside the window.
     */
    public static double sanctionMass(CadenceData data, double delta, int shape) {
        CadenceParameters.requireShape(shape);
        double T = data.windowEnd();
        double[] s = data.sanctionTimesArray();
        double[] w = data.sanctionWeightsArray();
        double mass = 0;
        for (int j = 0; j < s.length; j++) {
            if (s[j] < T && w[j] > 0) {
                double from = Math.max(0.0, -s[j]);
                mass += w[j] * (erlangCdf(shape, delta * (T - s[j])) - erlangCdf(shape, delta * from));
            }
        }
        return mass;
    }

    /**
     * The compensator at each event time, Lambda(t_i) (in event order), for the time-rescaling theorem: under
     * the model the gaps Lambda(t_i) - Lambda(t_{i-1}) are independent Exp(1). O(n + m).
     */
    public static double[] compensatorAtEvents(CadenceData data, CadenceParameters p) {
        double[] t = data.events();
        double[] s = data.sanctionTimesArray();
        double[] w = data.sanctionWeightsArray();
        int n = t.length;
        int m = s.length;
        int k = p.shape();
        double mu = p.mu();
        double kappa = p.kappa();
        double alpha = p.alpha();
        double beta = p.beta();
        double delta = p.delta();
        // constant: the part of each pre-window sanction's kernel mass that fell before 0
        double preWindow = 0;
        for (int j = 0; j < m; j++) {
            if (s[j] < 0) {
                preWindow += w[j] * erlangCdf(k, -delta * s[j]);
            }
        }
        double[] out = new double[n];
        double e = 0;
        double m0 = 0, m1 = 0, m2 = 0;
        double weightSoFar = 0;
        int pending = 0;
        int added = 0;
        double cur = n > 0 ? t[0] : 0;
        if (m > 0 && s[0] < cur) {
            cur = s[0];
        }
        int j = 0;
        for (int i = 0; i < n; i++) {
            while (j < m && s[j] < t[i]) {
                double d = s[j] - cur;
                if (d > 0) {
                    e = (e + pending) * Math.exp(-beta * d);
                    added += pending;
                    pending = 0;
                    double ed = Math.exp(-delta * d);
                    m2 = ed * (m2 + 2 * d * m1 + d * d * m0);
                    m1 = ed * (m1 + d * m0);
                    m0 = ed * m0;
                    cur = s[j];
                }
                m0 += w[j];
                weightSoFar += w[j];
                j++;
            }
            double d = t[i] - cur;
            if (d > 0) {
                e = (e + pending) * Math.exp(-beta * d);
                added += pending;
                pending = 0;
                double ed = Math.exp(-delta * d);
                m2 = ed * (m2 + 2 * d * m1 + d * d * m0);
                m1 = ed * (m1 + d * m0);
                m0 = ed * m0;
                cur = t[i];
            }
            // sum_{s_j < t} w_j P(k, delta (t - s_j)) = W(t) - sum_{r < k} delta^r M_r / r!
            double tail = m0;
            if (k >= 2) {
                tail += delta * m1;
            }
            if (k >= 3) {
                tail += 0.5 * delta * delta * m2;
            }
            double sanctionPart = kappa * (weightSoFar - tail - preWindow);
            out[i] = mu * t[i] + sanctionPart + alpha * (added - e);
            pending++;
        }
        return out;
    }

    static double erlangCdf(int k, double x) {
        return Erlang.cdf(k, x);
    }

    static double erlangDensityUnitRate(int k, double x) {
        return Erlang.density(k, x);
    }

    // Implements log L = sum_i log lambda(t_i) - Lambda(T) (MODEL.md eq. 2) and its gradient (eq. 4).
    private static LikelihoodValue evaluate(
            CadenceData data, CadenceParameters p, double gamma, boolean withGradient, double[] dGammaOut) {
        double[] t = data.events();
        double[] s = data.sanctionTimesArray();
        double[] w = data.sanctionWeightsArray();
        int n = t.length;
        int k = p.shape();
        double mu = p.mu();
        double kappa = p.kappa();
        double alpha = p.alpha();
        double beta = p.beta();
        double delta = p.delta();
        double T = data.windowEnd();
        // with kappa = 0 the sanctions state never matters for the value; keep it for the kappa derivative
        boolean sanctions = s.length > 0 && (kappa > 0 || withGradient);
        int m = sanctions ? s.length : 0;
        double ck = INVERSE_FACTORIAL[k - 1];
        double deltaK = Math.pow(delta, k);
        double deltaKm1 = Math.pow(delta, k - 1);
        double alphaBeta = alpha * beta;
        // highest moment needed: M_{k-1} for the value, M_k as well for d/d delta
        int top = withGradient ? k : k - 1;

        double e = 0, f = 0;
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        int pending = 0;
        double cur = n > 0 ? t[0] : 0;
        if (m > 0 && s[0] < cur) {
            cur = s[0];
        }
        boolean trend = gamma != 0;
        boolean needPosition = trend || dGammaOut != null;
        double gGamma = 0;
        double sumLog = 0;
        double gMu = 0, gKappa = 0, gAlpha = 0, gBeta = 0, gDelta = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            while (j < m && s[j] < ti) {
                double d = s[j] - cur;
                if (d > 0) {
                    double eb = Math.exp(-beta * d);
                    double ep = e + pending;
                    if (withGradient) {
                        f = eb * (f + d * ep);
                    }
                    e = eb * ep;
                    pending = 0;
                    if (j > 0) {
                        double ed = Math.exp(-delta * d);
                        double d2 = d * d;
                        if (top >= 3) {
                            m3 = ed * (m3 + 3 * d * m2 + 3 * d2 * m1 + d2 * d * m0);
                        }
                        if (top >= 2) {
                            m2 = ed * (m2 + 2 * d * m1 + d2 * m0);
                        }
                        if (top >= 1) {
                            m1 = ed * (m1 + d * m0);
                        }
                        m0 = ed * m0;
                    }
                    cur = s[j];
                }
                m0 += w[j];
                j++;
            }
            double d = ti - cur;
            if (d > 0) {
                double eb = Math.exp(-beta * d);
                double ep = e + pending;
                if (withGradient) {
                    f = eb * (f + d * ep);
                }
                e = eb * ep;
                pending = 0;
                if (j > 0) { // moments are all zero before the first sanction
                    double ed = Math.exp(-delta * d);
                    double d2 = d * d;
                    if (top >= 3) {
                        m3 = ed * (m3 + 3 * d * m2 + 3 * d2 * m1 + d2 * d * m0);
                    }
                    if (top >= 2) {
                        m2 = ed * (m2 + 2 * d * m1 + d2 * m0);
                    }
                    if (top >= 1) {
                        m1 = ed * (m1 + d * m0);
                    }
                    m0 = ed * m0;
                }
                cur = ti;
            }
            double mkm1 = k == 1 ? m0 : (k == 2 ? m1 : m2);
            double unitSanction = ck * deltaK * mkm1;
            double position = needPosition ? ti / T - 0.5 : 0;
            double base = trend ? Math.exp(gamma * position) : 1.0;
            double lambda = mu * base + kappa * unitSanction + alphaBeta * e;
            sumLog += Math.log(lambda);
            if (withGradient) {
                double inv = 1.0 / lambda;
                double mk = k == 1 ? m1 : (k == 2 ? m2 : m3);
                gMu += base * inv;
                gGamma += mu * base * position * inv;
                gKappa += unitSanction * inv;
                gDelta += kappa * ck * (k * deltaKm1 * mkm1 - deltaK * mk) * inv;
                gAlpha += beta * e * inv;
                gBeta += alpha * (e - beta * f) * inv;
            }
            pending++;
        }
        // advance the excitation state to T: E(T) = sum_i e^{-beta (T - t_i)}, F(T) likewise
        double d = T - cur;
        double eT = e + pending;
        double fT = f + d * eT;
        if (d > 0) {
            double eb = Math.exp(-beta * d);
            fT = eb * (f + d * eT);
            eT = eb * eT;
        } else {
            fT = f;
        }
        double excitationMass = n - eT; // sum_i (1 - e^{-beta (T - t_i)})
        double sanctionMass = 0;
        double sanctionMassDelta = 0;
        if (s.length > 0 && (kappa > 0 || withGradient)) {
            for (int jj = 0; jj < s.length; jj++) {
                if (s[jj] < T && w[jj] > 0) {
                    double upper = T - s[jj];
                    double lower = Math.max(0.0, -s[jj]);
                    sanctionMass += w[jj] * (erlangCdf(k, delta * upper) - erlangCdf(k, delta * lower));
                    if (withGradient) {
                        double dl = lower > 0 ? lower * erlangDensityUnitRate(k, delta * lower) : 0.0;
                        sanctionMassDelta += w[jj] * (upper * erlangDensityUnitRate(k, delta * upper) - dl);
                    }
                }
            }
        }
        double baseMass = trend ? trendBaselineMass(gamma, T) : T;
        double compensator = mu * baseMass + kappa * sanctionMass + alpha * excitationMass;
        double ll = sumLog - compensator;
        if (!withGradient) {
            return new LikelihoodValue(ll, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        gMu -= baseMass;
        if (dGammaOut != null) {
            dGammaOut[0] = gGamma - mu * trendBaselineMassDerivative(gamma, T);
        }
        gKappa -= sanctionMass;
        gDelta -= kappa * sanctionMassDelta;
        gAlpha -= excitationMass;
        gBeta -= alpha * fT;
        return new LikelihoodValue(ll, gMu, gKappa, gAlpha, gBeta, gDelta);
    }
}
