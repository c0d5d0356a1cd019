package io.sanctionsrisk.cadence.scenario;

import io.sanctionsrisk.cadence.CadenceParameters;

/**
 * One joint posterior draw a scenario path runs under (MODEL.md, "Uncertainty in every served number"): cadence
 * parameters, cell shares (in the input's cell order, normalised by the engine) and the loss model (null: the
 * input's). Path i takes draw i modulo the number of draws, in both worlds, so common random numbers stay exact.
 */
public record PathDraw(CadenceParameters parameters, double[] cellShares, LossModel loss) {

    public PathDraw {
        if (parameters == null || cellShares == null) {
            throw new IllegalArgumentException("a path draw needs parameters and cell shares");
        }
        ScenarioInput.checkShares(cellShares);
        cellShares = cellShares.clone();
    }
}
