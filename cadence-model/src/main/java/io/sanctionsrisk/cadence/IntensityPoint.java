package io.sanctionsrisk.cadence;

/**
 * lambda(t) split into its parts (events per day): the baseline mu, the sanctions pressure sum_j kappa w_j
 * g_k(t - s_j) and the self-excitation sum_i alpha beta exp(-beta (t - t_i)).
 */
public record IntensityPoint(double time, double baseline, double sanctions, double selfExcitation) {

    public double total() {
        return baseline + sanctions + selfExcitation;
    }
}
