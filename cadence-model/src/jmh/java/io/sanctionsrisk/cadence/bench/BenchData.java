package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import java.util.ArrayList;
import java.util.List;

/** Benchmark datasets: about n events simulated from fixed parameters, one sanction per 1,000 events. */
final class BenchData {

    static final CadenceParameters TRUTH = new CadenceParameters(0.2, 3.0, 0.4, 0.5, 0.05, 2);

    private BenchData() {}

    static CadenceData ofSize(int n) {
        // expected count per day: (mu + kappa * mean weight / sanction spacing) / (1 - alpha)
        int sanctions = Math.max(10, n / 1000);
        double perDay = 0.2 / 0.6;
        double T = n / perDay;
        List<Sanction> list = new ArrayList<>();
        for (int j = 0; j < sanctions; j++) {
            list.add(new Sanction(Math.floor(T * j / sanctions), 1 + j % 5));
        }
        double[] events = ClusterSimulator.simulate(TRUTH, list, T, 20_240_101L + n);
        return CadenceData.of(T, events, list);
    }
}
