package io.sanctionsrisk.cadence.marks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Severity by sector group and with a trend in log amount (MODEL.md, "Severity that follows the data"): the log of
 * each positive amount known by the origin is log x = b0 + b_g + b_t (t - t_ref) / 365.25 + e, e ~ N(0, sigma^2),
 * fitted by least squares (the maximum likelihood estimate; sigma with divisor n as {@link LognormalSeverity}).
 * Zeros count toward P(X > 0) only. The posterior under the reference prior p(b, sigma^2) ~ 1/sigma^2 is sigma^2 ~ SS
 * / chi^2(n - p), b | sigma^2 ~ N(b^, sigma^2 (X'X)^-1), and P(X > 0) ~ Beta(positive, zeros), whose means are the
 * point estimates. Without groups and trend it is today's pooled lognormal exactly.
 */
public final class SeverityModel {

    /** Which amount is modelled. */
    public enum Amount {
        ATTEMPTED,
        REALISED
    }

    /** Group of a heist whose sector is unknown or not in the group map. */
    public static final String OTHER = "other";

    private SeverityModel() {}

    /**
     * Fits the {@code amount} of the events known by {@code origin}. {@code sectorGroups} maps sector codes to
     * group names (null: one pooled group); {@code trend} adds a linear trend in log amount per year. Throws
     * IllegalArgumentException when fewer than p + 1 positive amounts are known for p coefficients.
     */
    public static SeverityPosterior fit(
            List<MarkedEvent> events, double origin, Amount amount, Map<String, String> sectorGroups, boolean trend) {
        if (events == null || amount == null || !Double.isFinite(origin)) {
            throw new IllegalArgumentException("events, an amount and a finite origin are required");
        }
        List<Double> logs = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        List<String> groupOf = new ArrayList<>();
        int zeros = 0;
        for (MarkedEvent e : events) {
            double x = amount == Amount.ATTEMPTED ? e.attemptedUsd() : e.realisedUsd();
            if (!e.knownBy(origin) || Double.isNaN(x)) {
                continue;
            }
            if (x == 0) {
                zeros++;
                continue;
            }
            logs.add(Math.log(x));
            times.add(e.time());
            groupOf.add(group(sectorGroups, e.cell() == null ? null : e.cell().sector()));
        }
        int n = logs.size();
        List<String> groups = new ArrayList<>(new TreeSet<>(groupOf));
        int p = 1 + Math.max(0, groups.size() - 1) + (trend ? 1 : 0);
        if (n < p + 1) {
            throw new IllegalArgumentException("severity with " + p + " coefficients needs at least " + (p + 1)
                    + " positive " + amount.name().toLowerCase(java.util.Locale.ROOT) + " amounts, got " + n);
        }
        double timeRef = 0;
        if (trend) {
            for (double t : times) {
                timeRef += t;
            }
            timeRef /= n;
        }
        double[] groupShare = new double[groups.size()];
        for (String g : groupOf) {
            groupShare[groups.indexOf(g)] += 1.0 / n;
        }
        SeverityPosterior.Design design =
                new SeverityPosterior.Design(groups, groupShare, sectorGroups, trend, timeRef);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = design.row(groupOf.get(i), times.get(i));
            y[i] = logs.get(i);
        }
        double[] coefficients;
        if (p == 1) { // the pooled mean, summed as LognormalSeverity sums it
            double sum = 0;
            for (double v : y) {
                sum += v;
            }
            coefficients = new double[] {sum / n};
        } else {
            coefficients = new QRDecomposition(new Array2DRowRealMatrix(x, false))
                    .getSolver()
                    .solve(new ArrayRealVector(y, false))
                    .toArray();
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - dot(x[i], coefficients);
            ss += r * r;
        }
        RealMatrix xtx = new Array2DRowRealMatrix(x, false).transpose().multiply(new Array2DRowRealMatrix(x, false));
        RealMatrix inverse = new CholeskyDecomposition(xtx).getSolver().getInverse();
        return new SeverityPosterior(amount, design, coefficients, ss, n, zeros, inverse.getData());
    }

    static String group(Map<String, String> sectorGroups, String sector) {
        if (sectorGroups == null) {
            return OTHER;
        }
        String g = sector == null ? null : sectorGroups.get(sector);
        return g == null ? OTHER : g;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
