package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Datasets simulated from known parameters with the independent cluster simulator. */
final class SimulatedData {

    private SimulatedData() {}

    /** {@code count} sanctions spread over [-T/10, T] with weights 1..5, fixed by {@code seed}. */
    static List<Sanction> sanctions(double T, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sanction> out = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            double time = -0.1 * T + 1.1 * T * (j + rng.nextDouble()) / count;
            out.add(new Sanction(Math.floor(time), 1 + rng.nextInt(5)));
        }
        return out;
    }

    static CadenceData simulate(CadenceParameters truth, List<Sanction> sanctions, double T, long seed) {
        return CadenceData.of(T, ClusterSimulator.simulate(truth, sanctions, T, seed), sanctions);
    }
}
