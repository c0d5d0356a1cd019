package io.sanctionsrisk.cadence.marks;

import io.sanctionsrisk.cadence.simulation.RandomStreams;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * A fitted {@link SeverityModel}: point estimates (the maximum likelihood estimate), standard errors and seeded
 * posterior draws. A sector's group not seen in the data gets the data's average group effect. Immutable.
 */
public final class SeverityPosterior {

    /** How a heist maps to its design row: intercept, group dummies (the first group is the reference), trend. */
    record Design(
            List<String> groups, double[] groupShare, Map<String, String> sectorGroups, boolean trend, double timeRef) {

        double[] row(String group, double time) {
            int p = 1 + Math.max(0, groups.size() - 1) + (trend ? 1 : 0);
            double[] x = new double[p];
            x[0] = 1;
            int g = groups.indexOf(group);
            for (int j = 1; j < groups.size(); j++) {
                x[j] = g < 0 ? groupShare[j] : (g == j ? 1 : 0);
            }
            if (trend) {
                x[p - 1] = (time - timeRef) / 365.25;
            }
            return x;
        }
    }

    private final SeverityModel.Amount amount;
    private final Design design;
    private final double[] coefficients;
    private final double residualSumOfSquares;
    private final int positive;
    private final int zeros;
    private final double[][] unscaledCovariance;
    private final double[][] covarianceFactor;

    SeverityPosterior(
            SeverityModel.Amount amount,
            Design design,
            double[] coefficients,
            double residualSumOfSquares,
            int positive,
            int zeros,
            double[][] unscaledCovariance) {
        this.amount = amount;
        this.design = design;
        this.coefficients = coefficients;
        this.residualSumOfSquares = residualSumOfSquares;
        this.positive = positive;
        this.zeros = zeros;
        this.unscaledCovariance = unscaledCovariance;
        this.covarianceFactor = new CholeskyDecomposition(new Array2DRowRealMatrix(unscaledCovariance))
                .getL()
                .getData();
    }

    public SeverityModel.Amount amount() {
        return amount;
    }

    /** The groups with a positive amount, sorted; the first is the reference of the dummies. */
    public List<String> groups() {
        return design.groups();
    }

    public int positive() {
        return positive;
    }

    public int zeros() {
        return zeros;
    }

    /** b0, the group effects (groups 2..G against the first), then the trend per year when fitted. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Standard errors of the coefficients, s^2 (X'X)^-1 with s^2 = SS / (n - p). */
    public double[] standardErrors() {
        double s2 = residualSumOfSquares / (positive - coefficients.length);
        double[] se = new double[coefficients.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(s2 * unscaledCovariance[j][j]);
        }
        return se;
    }

    /** The trend in log amount per year (NaN without a trend). */
    public double trendPerYear() {
        return design.trend() ? coefficients[coefficients.length - 1] : Double.NaN;
    }

    /** sigmaLog, maximum likelihood (divisor n). */
    public double sigmaLog() {
        return Math.sqrt(residualSumOfSquares / positive);
    }

    /** P(X > 0): the share of positive amounts. */
    public double probabilityPositive() {
        return (double) positive / (positive + zeros);
    }

    /** muLog of a heist in {@code sector} (null: unknown) at model time {@code time}. */
    public double muLog(String sector, double time) {
        return SeverityModel.dot(row(sector, time), coefficients);
    }

    /** Expected amount per heist, zeros included: P(X > 0) exp(muLog + sigmaLog^2 / 2). */
    public double expectedPerEvent(String sector, double time) {
        double sigma = sigmaLog();
        return probabilityPositive() * Math.exp(muLog(sector, time) + 0.5 * sigma * sigma);
    }

    /** The same under a posterior draw. */
    public double expectedPerEvent(SeverityDraw draw, String sector, double time) {
        double mu = SeverityModel.dot(row(sector, time), draw.coefficients());
        return draw.probabilityPositive() * Math.exp(mu + 0.5 * draw.sigmaLog() * draw.sigmaLog());
    }

    /** Draw {@code i} under {@code seed}: sigma^2 = SS / chi^2(n - p), b ~ N(b^, sigma^2 (X'X)^-1), P ~ Beta. */
    public SeverityDraw draw(long seed, int i) {
        SplittableRandom rng = RandomStreams.stream(seed, 0x736576L + i);
        int p = coefficients.length;
        double sigma2 = residualSumOfSquares / PosteriorDraws.chiSquared(rng, positive - p);
        double sigma = Math.sqrt(sigma2);
        double[] z = new double[p];
        for (int j = 0; j < p; j++) {
            z[j] = rng.nextGaussian();
        }
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k <= j; k++) {
                s += covarianceFactor[j][k] * z[k];
            }
            b[j] = coefficients[j] + sigma * s;
        }
        double pPositive = PosteriorDraws.beta(rng, positive, zeros);
        return new SeverityDraw(b, sigma, pPositive);
    }

    /** The pooled fit in today's shape (only without groups and trend). */
    public SeverityFit toSeverityFit() {
        if (coefficients.length != 1) {
            throw new IllegalStateException("only a pooled severity without trend has today's shape");
        }
        double sigma = sigmaLog();
        String note = positive < LognormalSeverity.FEW_AMOUNTS
                ? "only " + positive + " positive amounts: the spread is poorly determined"
                : "";
        return new SeverityFit(
                positive + zeros,
                positive,
                zeros,
                probabilityPositive(),
                coefficients[0],
                sigma,
                sigma / Math.sqrt(positive),
                true,
                note);
    }

    private double[] row(String sector, double time) {
        return design.row(SeverityModel.group(design.sectorGroups(), sector), time);
    }
}
