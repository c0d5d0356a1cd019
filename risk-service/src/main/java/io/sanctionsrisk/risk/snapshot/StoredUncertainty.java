package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.fit.DrawDiagnostics;
import io.sanctionsrisk.cadence.fit.ParameterDraws;
import io.sanctionsrisk.risk.web.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter uncertainty a snapshot serves (MODEL.md, "Uncertainty in every served number"): thinned posterior
 * draws of the cadence parameters (random-walk Metropolis on the likelihood, {@code ParameterSampler}), their
 * diagnostics, and the seed of the mark draws paired with them. Draw d of the cadence parameters goes with mark draw
 * d (cell shares, severities), which are drawn again from the stored dataset under {@code markSeed}: only the
 * cadence draws need the sampler, so only they are stored. Stored in {@code uncertainty_json} (V11); null for
 * snapshots fitted before it.
 */
public record StoredUncertainty(
        String method,
        String priors,
        long seed,
        long markSeed,
        int chains,
        int burnIn,
        int thin,
        Double acceptanceRate,
        List<Double> effectiveSampleSize,
        List<Double> splitRhat,
        List<Draw> draws) {

    /** One draw; the kernel shape is the snapshot's. */
    public record Draw(double mu, double kappa, double alpha, double beta, double delta) {

        public CadenceParameters parameters(int shape) {
            return new CadenceParameters(mu, kappa, alpha, beta, delta, shape);
        }
    }

    public static final String METHOD = "random-walk Metropolis on the cadence log-likelihood, chains thinned";

    public static StoredUncertainty of(ParameterDraws draws, long markSeed) {
        DrawDiagnostics d = draws.diagnostics();
        List<Draw> kept = new ArrayList<>(draws.size());
        for (CadenceParameters p : draws.draws()) {
            kept.add(new Draw(p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()));
        }
        return new StoredUncertainty(
                METHOD,
                draws.priors(),
                d.seed(),
                markSeed,
                d.chains(),
                d.burnIn(),
                d.thin(),
                Numbers.finite(d.acceptanceRate()),
                d.effectiveSampleSize().stream().map(Numbers::finite).toList(),
                d.splitRhat().stream().map(Numbers::finite).toList(),
                kept);
    }

    public List<CadenceParameters> parameters(int shape) {
        return draws.stream().map(d -> d.parameters(shape)).toList();
    }
}
