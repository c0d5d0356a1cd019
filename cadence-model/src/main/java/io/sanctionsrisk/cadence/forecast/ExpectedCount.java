package io.sanctionsrisk.cadence.forecast;

/**
 * E[N(T, T + h]] given the history up to T, split by what ultimately causes each expected event (the event
 * itself or its ancestor): the baseline, the sanctions (past and future), or the already observed heists
 * (self-excitation carried over from the history). The parts sum to {@code total}.
 */
public record ExpectedCount(double from, double horizon, double baseline, double sanctions, double selfExcitation) {

    public double total() {
        return baseline + sanctions + selfExcitation;
    }
}
