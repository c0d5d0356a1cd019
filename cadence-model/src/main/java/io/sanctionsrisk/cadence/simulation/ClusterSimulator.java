package io.sanctionsrisk.cadence.simulation;

import static io.sanctionsrisk.cadence.simulation.RandomStreams.exponential;
import static io.sanctionsrisk.cadence.simulation.RandomStreams.mix;
import static io.sanctionsrisk.cadence.simulation.RandomStreams.poisson;
import static io.sanctionsrisk.cadence.simulation.RandomStreams.stream;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exact simulation by the cluster (branching) construction. Immigrants arrive from the baseline (a Poisson
 * process of rate mu) and from each sanction j (Poisson(kappa w_j) of them at gamma(k, delta) lags after
 * s_j); every event has Poisson(alpha) children at Exp(beta) lags, recursively.
 *
 * <p>Random numbers: each source (the baseline, the history, each sanction) draws from its own {@link
 * SplittableRandom} seeded from the caller's seed and a stable key of the source (for a sanction: its time,
 * its weight and how many identical sanctions precede it). A source's immigrants and all their descendants
 * come from that source's stream, so two runs with the same seed that differ only by an added or removed
 * sanction share every other cluster exactly: common random numbers for what-if scenarios.
 */
public final class ClusterSimulator {

    /** Largest number of events one simulation may produce before it is stopped. */
    public static final int MAX_EVENTS = 10_000_000;

    private static final long BASELINE_KEY = 0x6A09E667F3BCC909L;
    private static final long HISTORY_KEY = 0xBB67AE8584CAA73BL;

    private ClusterSimulator() {}

    /** Events on [0, T] with no history before 0 (sanctions before 0 still trigger events inside). */
    public static double[] simulate(CadenceParameters p, List<Sanction> sanctions, double windowEnd, long seed) {
        return simulateForward(p, new double[0], sanctions, 0.0, windowEnd, seed);
    }

    /**
     * Events in (from, to] given the observed events {@code history} (times at or before {@code from}) and
     * the sanctions (past and future). Exact: by the memorylessness of the exponential kernel the history's
     * future offspring are Poisson(alpha sum_i e^{-beta (from - t_i)}) at Exp(beta) lags after {@code from},
     * and each sanction's future immigrants are its full Poisson(kappa w_j) draw restricted to (from, to].
     */
    public static double[] simulateForward(
            CadenceParameters p, double[] history, List<Sanction> sanctions, double from, double to, long seed) {
        if (p == null || history == null || sanctions == null) {
            throw new IllegalArgumentException("parameters, history and sanctions are required");
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("simulation interval must be finite with to > from");
        }
        Sink sink = new Sink(to);
        // baseline immigrants and their clusters
        SplittableRandom baseline = stream(seed, BASELINE_KEY);
        double t = from;
        while (true) {
            t += exponential(baseline, p.mu());
            if (t > to) {
                break;
            }
            sink.emitWithOffspring(t, p, baseline);
        }
        // offspring still to come from the observed history
        double memory = 0;
        for (double h : history) {
            if (!Double.isFinite(h) || h > from) {
                throw new IllegalArgumentException("history times must be finite and at or before " + from);
            }
            memory += Math.exp(-p.beta() * (from - h));
        }
        if (memory > 0 && p.alpha() > 0) {
            SplittableRandom hist = stream(seed, HISTORY_KEY);
            long children = poisson(hist, p.alpha() * memory);
            for (long c = 0; c < children; c++) {
                double child = from + exponential(hist, p.beta());
                if (child <= to) {
                    sink.emitWithOffspring(child, p, hist);
                }
            }
        }
        // sanction immigrants, one stream per sanction
        List<Sanction> ordered = new ArrayList<>(sanctions);
        Map<Sanction, Integer> seen = new HashMap<>(); // counts only; never iterated
        for (int j = 0; j < ordered.size(); j++) {
            Sanction s = ordered.get(j);
            if (s.time() >= to || s.weight() == 0 || p.kappa() == 0) {
                continue;
            }
            int duplicates = seen.merge(s, 1, Integer::sum) - 1;
            long key = mix(Double.doubleToLongBits(s.time()))
                    ^ Long.rotateLeft(mix(Double.doubleToLongBits(s.weight())), 17)
                    ^ mix(duplicates + 0x9E3779B97F4A7C15L);
            SplittableRandom rng = stream(seed, key);
            long immigrants = poisson(rng, p.kappa() * s.weight());
            for (long c = 0; c < immigrants; c++) {
                double lag = 0;
                for (int r = 0; r < p.shape(); r++) {
                    lag += exponential(rng, p.delta());
                }
                double time = s.time() + lag;
                if (time > from && time <= to) {
                    sink.emitWithOffspring(time, p, rng);
                }
            }
        }
        return sink.sorted();
    }

    private static final class Sink {
        final double to;
        double[] times = new double[64];
        int size;
        double[] stack = new double[64];

        Sink(double to) {
            this.to = to;
        }

        // emits an event and, depth first, all its descendants inside the interval
        void emitWithOffspring(double time, CadenceParameters p, SplittableRandom rng) {
            int top = 0;
            stack[top++] = time;
            while (top > 0) {
                double parent = stack[--top];
                add(parent);
                if (p.alpha() == 0) {
                    continue;
                }
                long children = poisson(rng, p.alpha());
                for (long c = 0; c < children; c++) {
                    double child = parent + exponential(rng, p.beta());
                    if (child <= to) {
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, 2 * top);
                        }
                        stack[top++] = child;
                    }
                }
            }
        }

        void add(double time) {
            if (size == MAX_EVENTS) {
                throw new IllegalArgumentException(
                        "simulation exceeded " + MAX_EVENTS + " events; shorten the interval or check the rates");
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, 2 * size);
            }
            times[size++] = time;
        }

        double[] sorted() {
            double[] out = Arrays.copyOf(times, size);
            Arrays.sort(out);
            return out;
        }
    }
}
