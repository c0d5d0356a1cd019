package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.CadenceParameters;

/**
 * The parameters of lambda(t) = mu + sum_j kappa w_j g_k(t - s_j; delta) + sum_i alpha beta e^{-beta (t - t_i)},
 * rates per day, with the derived quantities a reader wants first.
 */
public record StoredParameters(
        double mu,

        double kappa,

        double alpha,

        double beta,

        double delta,

        int kernelShape,

        double meanSanctionLagDays,

        double peakSanctionLagDays) {

    public static StoredParameters of(CadenceParameters p) {
        return new StoredParameters(
                p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta(), p.shape(), p.meanSanctionLag(), p.peakSanctionLag());
    }

    public CadenceParameters toParameters() {
        return new CadenceParameters(mu, kappa, alpha, beta, delta, kernelShape);
    }
}
