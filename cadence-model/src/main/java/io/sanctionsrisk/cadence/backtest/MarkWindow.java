package io.sanctionsrisk.cadence.backtest;

import io.sanctionsrisk.cadence.marks.MarkPrior;

/**
 * The marks' part of one backtest window: the prior chosen as of the origin and, for the chosen (adaptive) marks and
 * today's static ones, the held-out cell log score (sum over the window's heists with a cell of log of the predicted
 * share of their cell) and the Brier score of the group share (sum over those heists of (p_group - 1{in group})^2),
 * with the group share each predicted.
 */
public record MarkWindow(
        double origin,
        double end,
        MarkPrior chosen,
        int heistsWithCell,
        int heistsInGroup,
        double adaptiveLogScore,
        double staticLogScore,
        double adaptiveGroupShare,
        double staticGroupShare,
        double adaptiveGroupBrier,
        double staticGroupBrier) {}
