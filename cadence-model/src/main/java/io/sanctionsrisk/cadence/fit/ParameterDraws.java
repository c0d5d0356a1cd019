package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.Arrays;
import java.util.List;

/**
 * Posterior draws of the cadence parameters (all with the fitted kernel shape), chain after chain, with their
 * diagnostics. Immutable. A scenario path or a scoring run takes {@link #draw(int)} for its index modulo {@link
 * #size()}, so every consumer sees the same draws for the same seed. {@link #NONE} holds no draw.
 */
public record ParameterDraws(List<CadenceParameters> draws, DrawDiagnostics diagnostics, String priors) {

    /** The prior: flat on the fitter's box, as documented in MODEL.md. */
    public static final String PRIORS = "mu, kappa, alpha uniform and beta, delta log-uniform on the fitter's box"
            + " (mu in [1e-6, 2] n/T, kappa in [0, 100 n/W], alpha in [0, 0.99], beta and delta in [1/3650, 10]"
            + " per day); the kernel shape is fixed at the fitted one";

    public static final ParameterDraws NONE =
            new ParameterDraws(List.of(), new DrawDiagnostics(Double.NaN, List.of(), List.of(), 0, 0, 0, 1, 0), "");

    public ParameterDraws {
        draws = List.copyOf(draws);
    }

    public int size() {
        return draws.size();
    }

    public boolean isEmpty() {
        return draws.isEmpty();
    }

    public CadenceParameters draw(int index) {
        return draws.get(index);
    }

    /** The {@code p}-quantile of parameter {@code name} (mu, kappa, alpha, beta or delta) over the draws. */
    public double quantile(String name, double p) {
        if (draws.isEmpty()) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
        double[] values =
                draws.stream().mapToDouble(d -> value(d, name)).sorted().toArray();
        double position = p * (values.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(values.length - 1, below + 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }

    /** Equal-tailed credible interval {lower, upper} at {@code level} (e.g. 0.9) for parameter {@code name}. */
    public double[] interval(String name, double level) {
        return new double[] {quantile(name, (1 - level) / 2), quantile(name, (1 + level) / 2)};
    }

    static double value(CadenceParameters p, String name) {
        return switch (name) {
            case "mu" -> p.mu();
            case "kappa" -> p.kappa();
            case "alpha" -> p.alpha();
            case "beta" -> p.beta();
            case "delta" -> p.delta();
            default ->
                throw new IllegalArgumentException(
                        "no parameter named " + name + "; expected one of " + Arrays.toString(StandardErrors.NAMES));
        };
    }
}
