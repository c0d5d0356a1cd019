package io.sanctionsrisk.risk.service;

import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dto.MarksView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The marks of a snapshot: the (sector, region) cell shares as a Dirichlet-multinomial posterior over every
 * sector and every leaf region, and lognormal loss severities, fitted separately to attempted and realised
 * amounts.
 *
 * <p>Prior: a symmetric Dirichlet whose total concentration is one pseudo-heist spread evenly over all C cells
 * (1 / C per cell), so an empty cell keeps a small, non-zero share of (1 / C) / (n + 1), and the observed cells
 * are not drowned by a prior far larger than the data. Each cell's marginal posterior is Beta(n_c + a, n + 1 -
 * n_c - a), whose 2.5% and 97.5% quantiles give the interval.
 */
@ApplicationScoped
public class MarksService {

    /** Total prior concentration, in pseudo-heists. */
    static final double PRIOR_TOTAL = 1.0;

    public MarksView marks(ModelDataset dataset) {
        return new MarksView(
                cells(dataset),
                severity(dataset.events(), DatasetEvent::attemptedUsd),
                severity(dataset.events(), DatasetEvent::realisedUsd));
    }

    private MarksView.Cells cells(ModelDataset dataset) {
        int sectors = Math.max(1, dataset.sectors().size());
        int regions = Math.max(1, dataset.regions().size());
        int cellCount = sectors * regions;
        double a = PRIOR_TOTAL / cellCount;
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String[]> labels = new TreeMap<>();
        for (DatasetEvent e : dataset.events()) {
            String key = e.sector() + "|" + e.region();
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            labels.putIfAbsent(key, new String[] {e.sector(), e.region()});
        }
        int n = dataset.events().size();
        double total = n + PRIOR_TOTAL;
        List<MarksView.Cell> observed = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            String[] label = labels.get(entry.getKey());
            observed.add(cell(label[0], label[1], entry.getValue()[0], a, total));
        }
        observed.sort(Comparator.comparingDouble(MarksView.Cell::share)
                .reversed()
                .thenComparing(c -> String.valueOf(c.sector()))
                .thenComparing(c -> String.valueOf(c.region())));
        return new MarksView.Cells(
                "symmetric Dirichlet, total concentration " + PRIOR_TOTAL + " pseudo-heist over " + cellCount
                        + " cells (" + sectors + " sectors x " + regions + " leaf regions)",
                a,
                n,
                sectors,
                regions,
                observed,
                cell(null, null, 0, a, total));
    }

    private static MarksView.Cell cell(String sector, String region, int heists, double a, double total) {
        double alpha = heists + a;
        double beta = total - alpha;
        BetaDistribution posterior = new BetaDistribution(null, alpha, beta);
        return new MarksView.Cell(
                sector,
                region,
                heists,
                alpha / total,
                posterior.inverseCumulativeProbability(0.025),
                posterior.inverseCumulativeProbability(0.975));
    }

    // Lognormal MLE: logMean = mean of ln x, logSd = sqrt(mean of (ln x - logMean)^2); mean = e^{m + s^2 / 2}.
    private static MarksView.Severity severity(List<DatasetEvent> events, Function<DatasetEvent, Long> amount) {
        List<Double> logs = new ArrayList<>();
        for (DatasetEvent e : events) {
            Long usd = amount.apply(e);
            if (usd != null && usd > 0) {
                logs.add(Math.log(usd));
            }
        }
        int n = logs.size();
        if (n == 0) {
            return new MarksView.Severity(0, null, null, null, null);
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0;
        for (double x : logs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / n);
        return new MarksView.Severity(
                n, mean, n > 1 ? sd : null, Math.exp(mean), n > 1 ? Math.exp(mean + sd * sd / 2) : null);
    }
}
