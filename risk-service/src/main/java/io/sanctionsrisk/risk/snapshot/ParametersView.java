package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.CadenceParameters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parameters of lambda(t) = mu + sum_j kappa w_j g_k(t - s_j; delta) + sum_i alpha beta e^{-beta (t - t_i)},
 * rates per day, with the derived quantities a reader wants first.
 */
@Schema(name = "Parameters", description = "Cadence-model parameters; rates are per day")
public record ParametersView(
        @Schema(example = "0.0041", description = "Baseline heist rate mu (per day)")
        double mu,

        @Schema(example = "0.052", description = "Sanctions impact kappa: expected heists per unit of sanction weight")
        double kappa,

        @Schema(example = "0.21", description = "Branching ratio alpha (self-excitation), < 1")
        double alpha,

        @Schema(example = "0.033", description = "Decay rate beta of self-excitation (per day)")
        double beta,

        @Schema(example = "0.011", description = "Rate delta of the sanctions response kernel (per day)")
        double delta,

        @Schema(example = "2", description = "Integer gamma shape k of the sanctions kernel (1, 2 or 3)")
        int kernelShape,

        @Schema(example = "181.8", description = "Mean lag of the sanctions response, k / delta (days)")
        double meanSanctionLagDays,

        @Schema(example = "90.9", description = "Most likely lag of the sanctions response, (k - 1) / delta (days)")
        double peakSanctionLagDays) {
    public static ParametersView of(CadenceParameters p) {
        return of(StoredParameters.of(p));
    }

    public static ParametersView of(StoredParameters s) {
        if (s == null) {
            return null;
        }
        return new ParametersView(
                s.mu(),
                s.kappa(),
                s.alpha(),
                s.beta(),
                s.delta(),
                s.kernelShape(),
                s.meanSanctionLagDays(),
                s.peakSanctionLagDays());
    }

    public CadenceParameters toParameters() {
        return new CadenceParameters(mu, kappa, alpha, beta, delta, kernelShape);
    }
}
