package io.sanctionsrisk.cadence.scenario;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.List;

/**
 * What to simulate. Heists are simulated on (simulateFrom, countTo] given the observed {@code history} (times at
 * or before simulateFrom) and counted on (countFrom, countTo]: the stretch between the end of the data and the
 * start of the scenario is simulated (its heists excite later ones) but not counted.
 *
 * @param cellShares the probability of each (sector, region) cell, in the caller's cell order (normalised here)
 * @param loss the loss of a heist, or null to simulate counts only
 * @param draws posterior draws the paths run under (path i takes draw i modulo their number); empty: every path runs
 *     under {@code parameters}, {@code cellShares} and {@code loss}
 */
public record ScenarioInput(
        CadenceParameters parameters,
        double[] history,
        List<ShockSource> sanctions,
        double simulateFrom,
        double countFrom,
        double countTo,
        double[] cellShares,
        LossModel loss,
        int paths,
        long seed,
        List<PathDraw> draws) {

    /** Most paths one simulation may run. */
    public static final int MAX_PATHS = 10_000_000;

    public ScenarioInput {
        if (parameters == null || history == null || sanctions == null || cellShares == null) {
            throw new IllegalArgumentException("parameters, history, sanctions and cell shares are required");
        }
        if (!Double.isFinite(simulateFrom) || !Double.isFinite(countFrom) || !Double.isFinite(countTo)) {
            throw new IllegalArgumentException("simulation times must be finite");
        }
        if (countFrom < simulateFrom || !(countTo > countFrom)) {
            throw new IllegalArgumentException("need simulateFrom <= countFrom < countTo");
        }
        for (double h : history) {
            if (!Double.isFinite(h) || h > simulateFrom) {
                throw new IllegalArgumentException("history times must be finite and at or before " + simulateFrom);
            }
        }
        checkShares(cellShares);
        if (draws == null) {
            throw new IllegalArgumentException("draws are required (empty: none)");
        }
        for (PathDraw d : draws) {
            if (d.cellShares().length != cellShares.length) {
                throw new IllegalArgumentException(
                        "every draw needs " + cellShares.length + " cell shares, got " + d.cellShares().length);
            }
        }
        if (paths < 1 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS + ", got " + paths);
        }
        history = history.clone();
        cellShares = cellShares.clone();
        sanctions = List.copyOf(sanctions);
        draws = List.copyOf(draws);
    }

    /** Every path under the one parameter set, cell shares and loss model. */
    public ScenarioInput(
            CadenceParameters parameters,
            double[] history,
            List<ShockSource> sanctions,
            double simulateFrom,
            double countFrom,
            double countTo,
            double[] cellShares,
            LossModel loss,
            int paths,
            long seed) {
        this(
                parameters,
                history,
                sanctions,
                simulateFrom,
                countFrom,
                countTo,
                cellShares,
                loss,
                paths,
                seed,
                List.of());
    }

    static void checkShares(double[] cellShares) {
        if (cellShares.length == 0) {
            throw new IllegalArgumentException("at least one cell is required");
        }
        double total = 0;
        for (double s : cellShares) {
            if (!Double.isFinite(s) || s < 0) {
                throw new IllegalArgumentException("cell shares must be finite and >= 0");
            }
            total += s;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("cell shares must not all be zero");
        }
    }
}
