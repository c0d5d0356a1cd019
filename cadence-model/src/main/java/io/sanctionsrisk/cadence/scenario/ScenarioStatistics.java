package io.sanctionsrisk.cadence.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The summary of simulated paths: totals, the total-loss exceedance curve, and every cell in which at least one
 * path has a heist (the others have none in any path, in either world). Sums run in path order, so the numbers
 * are a function of the paths alone.
 */
public record ScenarioStatistics(
        int paths,
        WorldSummary baseline,
        WorldSummary scenario,
        DeltaSummary delta,
        List<ExceedancePoint> lossExceedance,
        List<CellSummary> cells,
        int cellsWithoutHeists) {

    /** Exceedance probabilities of the loss curve; those below 1 / paths are left out. */
    public static final double[] EXCEEDANCE_PROBABILITIES = {0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001};

    public ScenarioStatistics {
        lossExceedance = List.copyOf(lossExceedance);
        cells = List.copyOf(cells);
    }

    public static ScenarioStatistics of(ScenarioPaths paths) {
        int n = paths.paths();
        boolean losses = paths.withLosses();
        double[] bc = toDouble(paths.baselineCount());
        double[] sc = toDouble(paths.scenarioCount());
        double[] dc = new double[n];
        double[] dl = new double[n];
        for (int i = 0; i < n; i++) {
            dc[i] = sc[i] - bc[i];
            dl[i] = paths.scenarioLoss()[i] - paths.baselineLoss()[i];
        }
        WorldSummary baseline = world(bc, paths.baselineLoss(), n, 0, losses);
        WorldSummary scenario = world(sc, paths.scenarioLoss(), n, 0, losses);
        DeltaSummary delta = new DeltaSummary(
                summarise(dc, n, 0),
                scenario.probabilityAtLeastOne() - baseline.probabilityAtLeastOne(),
                losses ? summarise(dl, n, 0) : null);
        List<ExceedancePoint> curve = new ArrayList<>();
        if (losses) {
            Distribution.Quantiles b = quantiles(paths.baselineLoss(), 0);
            Distribution.Quantiles s = quantiles(paths.scenarioLoss(), 0);
            for (double p : EXCEEDANCE_PROBABILITIES) {
                if (p * n >= 1) {
                    curve.add(new ExceedancePoint(p, b.at(1 - p), s.at(1 - p)));
                }
            }
        }
        List<CellSummary> cells = cells(paths, losses);
        return new ScenarioStatistics(n, baseline, scenario, delta, curve, cells, paths.cellCount() - cells.size());
    }

    private static List<CellSummary> cells(ScenarioPaths paths, boolean losses) {
        int n = paths.paths();
        int cellCount = paths.cellCount();
        CellSample[] samples = new CellSample[cellCount];
        int[] lastPath = new int[cellCount];
        Arrays.fill(lastPath, -1);
        int[] start = paths.pathStart();
        for (int path = 0; path < n; path++) {
            for (int e = start[path]; e < start[path + 1]; e++) {
                int c = paths.eventCell()[e];
                if (samples[c] == null) {
                    samples[c] = new CellSample();
                }
                if (lastPath[c] != path) {
                    lastPath[c] = path;
                    samples[c].open();
                }
                samples[c].add(paths.eventWorlds()[e], paths.eventLoss()[e]);
            }
        }
        List<CellSummary> out = new ArrayList<>();
        for (int c = 0; c < cellCount; c++) {
            CellSample s = samples[c];
            if (s == null) {
                continue;
            }
            int m = s.size;
            double[] bc = Arrays.copyOf(s.baselineCount, m);
            double[] sc = Arrays.copyOf(s.scenarioCount, m);
            double[] bl = Arrays.copyOf(s.baselineLoss, m);
            double[] sl = Arrays.copyOf(s.scenarioLoss, m);
            double[] dc = new double[m];
            double[] dl = new double[m];
            for (int i = 0; i < m; i++) {
                dc[i] = sc[i] - bc[i];
                dl[i] = sl[i] - bl[i];
            }
            int zeros = n - m;
            WorldSummary baseline = world(bc, bl, n, zeros, losses);
            WorldSummary scenario = world(sc, sl, n, zeros, losses);
            DeltaSummary delta = new DeltaSummary(
                    summarise(dc, n, zeros),
                    scenario.probabilityAtLeastOne() - baseline.probabilityAtLeastOne(),
                    losses ? summarise(dl, n, zeros) : null);
            out.add(new CellSummary(c, baseline, scenario, delta));
        }
        return out;
    }

    // counts and losses of the m paths listed; the other zeros paths have no heist here
    private static WorldSummary world(double[] counts, double[] losses, int n, int zeros, boolean withLosses) {
        int atLeastOne = 0;
        for (double c : counts) {
            if (c >= 1) {
                atLeastOne++;
            }
        }
        return new WorldSummary(
                summarise(counts, n, zeros), (double) atLeastOne / n, withLosses ? summarise(losses, n, zeros) : null);
    }

    private static Distribution summarise(double[] values, int n, int zeros) {
        double sum = 0;
        double sumOfSquares = 0;
        for (double v : values) {
            sum += v;
            sumOfSquares += v * v;
        }
        return Distribution.of(sum, sumOfSquares, n, quantiles(values, zeros));
    }

    private static Distribution.Quantiles quantiles(double[] values, int zeros) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Distribution.Quantiles(sorted, zeros);
    }

    private static double[] toDouble(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** One cell's per-path counts and losses, for the paths that have a heist in it (in path order). */
    private static final class CellSample {
        double[] baselineCount = new double[8];
        double[] scenarioCount = new double[8];
        double[] baselineLoss = new double[8];
        double[] scenarioLoss = new double[8];
        int size;

        void open() {
            if (size == baselineCount.length) {
                baselineCount = Arrays.copyOf(baselineCount, 2 * size);
                scenarioCount = Arrays.copyOf(scenarioCount, 2 * size);
                baselineLoss = Arrays.copyOf(baselineLoss, 2 * size);
                scenarioLoss = Arrays.copyOf(scenarioLoss, 2 * size);
            }
            size++;
        }

        void add(byte worlds, double loss) {
            int i = size - 1;
            if ((worlds & ScenarioPaths.IN_BASELINE) != 0) {
                baselineCount[i]++;
                baselineLoss[i] += loss;
            }
            if ((worlds & ScenarioPaths.IN_SCENARIO) != 0) {
                scenarioCount[i]++;
                scenarioLoss[i] += loss;
            }
        }
    }
}
