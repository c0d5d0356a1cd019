package io.sanctionsrisk.cadence.marks;

/** Fits {@link SeverityFit}: MLE of a lognormal on log amounts, zeros counted apart. */
public final class LognormalSeverity {

    /** Below this many positive amounts the fit says its uncertainty is wide. */
    public static final int FEW_AMOUNTS = 5;

    private LognormalSeverity() {}

    /**
     * Fits the positive amounts (USD or any unit); zeros count toward {@code probabilityPositive} only.
     * Negative or non-finite amounts are rejected. Unknown amounts must be left out by the caller.
     */
    public static SeverityFit fit(double[] amounts) {
        if (amounts == null) {
            throw new IllegalArgumentException("amounts are required");
        }
        int positive = 0;
        int zeros = 0;
        double sumLog = 0;
        for (int i = 0; i < amounts.length; i++) {
            double x = amounts[i];
            if (!Double.isFinite(x) || x < 0) {
                throw new IllegalArgumentException("amount " + i + " must be finite and >= 0, got " + x);
            }
            if (x == 0) {
                zeros++;
            } else {
                positive++;
                sumLog += Math.log(x);
            }
        }
        int n = amounts.length;
        double pPositive = n == 0 ? Double.NaN : (double) positive / n;
        if (positive == 0) {
            return new SeverityFit(
                    n,
                    0,
                    zeros,
                    pPositive,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    false,
                    "no positive amount: severity cannot be estimated");
        }
        double mu = sumLog / positive;
        if (positive < SeverityFit.MIN_POSITIVE) {
            return new SeverityFit(
                    n,
                    positive,
                    zeros,
                    pPositive,
                    mu,
                    Double.NaN,
                    Double.NaN,
                    false,
                    "one positive amount: its log is the only location estimate and no spread can be estimated");
        }
        double ss = 0;
        for (double x : amounts) {
            if (x > 0) {
                double d = Math.log(x) - mu;
                ss += d * d;
            }
        }
        double sigma = Math.sqrt(ss / positive);
        String note =
                positive < FEW_AMOUNTS ? "only " + positive + " positive amounts: the spread is poorly determined" : "";
        return new SeverityFit(n, positive, zeros, pPositive, mu, sigma, sigma / Math.sqrt(positive), true, note);
    }
}
