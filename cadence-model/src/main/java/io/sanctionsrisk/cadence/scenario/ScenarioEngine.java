package io.sanctionsrisk.cadence.scenario;

import static io.sanctionsrisk.cadence.simulation.RandomStreams.exponential;
import static io.sanctionsrisk.cadence.simulation.RandomStreams.mix;
import static io.sanctionsrisk.cadence.simulation.RandomStreams.poisson;
import static io.sanctionsrisk.cadence.simulation.RandomStreams.stream;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Simulates the baseline and the scenario together, path by path, by the exact cluster construction of the model
 * (MODEL.md, "Simulation"; "Scenarios"). Random numbers are counter-based: path i of seed s draws from streams
 * seeded by mix(s, i) and a key per source (the baseline, the observed history, each sanction by its key), and
 * each heist's cell and loss come from the stream of the source that caused it. So
 *
 * <ul>
 *   <li>a source acting in both worlds produces the same heists, with the same marks, in both (common random
 *       numbers): a scenario without changes equals its baseline bit for bit, and an added sanction can only add
 *       heists to a path;
 *   <li>a path's numbers depend on the seed and its index only, never on which thread ran it: the results are
 *       identical on 1 or on n threads (paths are run in chunks and gathered in path order);
 *   <li>with posterior draws ({@link ScenarioInput#draws()}), path i runs both worlds under draw i modulo their
 *       number, so parameter uncertainty enters the paths without breaking the common random numbers.
 * </ul>
 */
public final class ScenarioEngine {

    /** Most heists (both worlds together) one simulation may hold before it stops. */
    public static final long MAX_EVENTS = 20_000_000L;

    static final int CHUNK = 512;

    private static final long BASELINE_KEY = 0x6A09E667F3BCC909L;
    private static final long HISTORY_KEY = 0xBB67AE8584CAA73BL;
    private static final long PATH_KEY = 0x3C6EF372FE94F82BL;

    private ScenarioEngine() {}

    /**
     * Runs every path of {@code input} on {@code threads} threads (1 runs on the caller's thread). Throws
     * IllegalArgumentException when the simulation would exceed {@link #MAX_EVENTS} heists.
     */
    public static ScenarioPaths run(ScenarioInput input, int threads) {
        if (input == null) {
            throw new IllegalArgumentException("input is required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Plan plan = new Plan(input);
        int chunks = (input.paths() + CHUNK - 1) / CHUNK;
        Chunk[] done = new Chunk[chunks];
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int c;
            while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
                try {
                    done[c] = plan.chunk(c * CHUNK, Math.min(input.paths(), (c + 1) * CHUNK), events);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int workers = Math.min(threads, chunks);
        if (workers == 1) {
            worker.run();
        } else {
            List<Thread> started = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(worker, "scenario-worker-" + w);
                t.setDaemon(true);
                t.start();
                started.add(t);
            }
            for (Thread t : started) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new IllegalStateException("interrupted while simulating", e));
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return gather(input, done);
    }

    private static ScenarioPaths gather(ScenarioInput input, Chunk[] chunks) {
        int paths = input.paths();
        int total = 0;
        for (Chunk c : chunks) {
            total += c.size;
        }
        int[] baselineCount = new int[paths];
        int[] scenarioCount = new int[paths];
        double[] baselineLoss = new double[paths];
        double[] scenarioLoss = new double[paths];
        int[] pathStart = new int[paths + 1];
        int[] cell = new int[total];
        double[] loss = new double[total];
        byte[] worlds = new byte[total];
        int at = 0;
        for (Chunk c : chunks) {
            int n = c.to - c.from;
            System.arraycopy(c.baselineCount, 0, baselineCount, c.from, n);
            System.arraycopy(c.scenarioCount, 0, scenarioCount, c.from, n);
            System.arraycopy(c.baselineLoss, 0, baselineLoss, c.from, n);
            System.arraycopy(c.scenarioLoss, 0, scenarioLoss, c.from, n);
            for (int i = 0; i < n; i++) {
                pathStart[c.from + i] = at + c.pathStart[i];
            }
            System.arraycopy(c.cell, 0, cell, at, c.size);
            System.arraycopy(c.loss, 0, loss, at, c.size);
            System.arraycopy(c.worlds, 0, worlds, at, c.size);
            at += c.size;
        }
        pathStart[paths] = at;
        return new ScenarioPaths(
                paths,
                input.cellShares().length,
                input.loss() != null,
                baselineCount,
                scenarioCount,
                baselineLoss,
                scenarioLoss,
                pathStart,
                cell,
                loss,
                worlds);
    }

    /** The seed of path {@code index}: a counter-based stream, independent of the order paths are run in. */
    static long pathSeed(long seed, long index) {
        return mix(mix(seed ^ PATH_KEY) + index * 0x9E3779B97F4A7C15L);
    }

    /** The per-simulation constants, shared read-only by the workers. */
    private static final class Plan {
        final long seed;
        final double simulateFrom;
        final double countFrom;
        final double countTo;
        final Setting[] settings;

        Plan(ScenarioInput input) {
            this.seed = input.seed();
            this.simulateFrom = input.simulateFrom();
            this.countFrom = input.countFrom();
            this.countTo = input.countTo();
            if (input.draws().isEmpty()) {
                settings = new Setting[] {new Setting(input, input.parameters(), input.cellShares(), input.loss())};
            } else {
                settings = new Setting[input.draws().size()];
                for (int d = 0; d < settings.length; d++) {
                    PathDraw draw = input.draws().get(d);
                    LossModel loss = input.loss() == null ? null : draw.loss() == null ? input.loss() : draw.loss();
                    settings[d] = new Setting(input, draw.parameters(), draw.cellShares(), loss);
                }
            }
        }

        Chunk chunk(int from, int to, AtomicLong events) {
            Chunk out = new Chunk(from, to);
            for (int path = from; path < to; path++) {
                int before = out.size;
                out.startPath(path - from);
                simulatePath(pathSeed(seed, path), settings[path % settings.length], out, path - from);
                if (events.addAndGet(out.size - before) > MAX_EVENTS) {
                    throw new IllegalArgumentException(
                            "the simulation exceeded " + MAX_EVENTS + " heists; use fewer paths or a shorter horizon");
                }
            }
            return out;
        }

        // lambda's three sources, each from its own stream (MODEL.md, "Scenarios")
        private void simulatePath(long pathSeed, Setting w, Chunk out, int local) {
            CadenceParameters p = w.p;
            SplittableRandom baseline = stream(pathSeed, BASELINE_KEY);
            double t = simulateFrom;
            while (true) {
                t += exponential(baseline, p.mu());
                if (t > countTo) {
                    break;
                }
                cluster(t, baseline, ShockSource.Membership.BOTH, w, out, local);
            }
            if (w.historyMemory > 0 && p.alpha() > 0) {
                SplittableRandom history = stream(pathSeed, HISTORY_KEY);
                long children = poisson(history, p.alpha() * w.historyMemory);
                for (long c = 0; c < children; c++) {
                    double child = simulateFrom + exponential(history, p.beta());
                    if (child <= countTo) {
                        cluster(child, history, ShockSource.Membership.BOTH, w, out, local);
                    }
                }
            }
            for (ShockSource s : w.sources) {
                SplittableRandom rng = stream(pathSeed, s.key());
                long immigrants = poisson(rng, p.kappa() * s.weight());
                for (long c = 0; c < immigrants; c++) {
                    double lag = 0;
                    for (int r = 0; r < p.shape(); r++) {
                        lag += exponential(rng, p.delta());
                    }
                    double time = s.time() + lag;
                    if (time > simulateFrom && time <= countTo) {
                        cluster(time, rng, s.membership(), w, out, local);
                    }
                }
            }
        }

        // an event and, depth first, all its descendants up to countTo; counted (with marks) after countFrom
        private void cluster(
                double time, SplittableRandom rng, ShockSource.Membership worlds, Setting w, Chunk out, int local) {
            CadenceParameters p = w.p;
            double[] stack = out.stack;
            int top = 0;
            stack[top++] = time;
            while (top > 0) {
                double parent = stack[--top];
                if (parent > countFrom) {
                    int cell = w.drawCell(rng);
                    double amount = w.loss == null ? 0.0 : w.drawLoss(rng);
                    out.add(local, cell, amount, worlds);
                }
                if (p.alpha() == 0) {
                    continue;
                }
                long children = poisson(rng, p.alpha());
                for (long c = 0; c < children; c++) {
                    double child = parent + exponential(rng, p.beta());
                    if (child <= countTo) {
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, 2 * top);
                            out.stack = stack;
                        }
                        stack[top++] = child;
                    }
                }
            }
        }
    }

    /** What a path runs under: one parameter set (the point or a posterior draw), its cell shares and loss. */
    private static final class Setting {
        final CadenceParameters p;
        final double[] cumulativeShares;
        final LossModel loss;
        final double historyMemory;
        final ShockSource[] sources;

        Setting(ScenarioInput input, CadenceParameters p, double[] shares, LossModel loss) {
            this.p = p;
            this.loss = loss;
            this.cumulativeShares = new double[shares.length];
            double sum = 0;
            for (int c = 0; c < shares.length; c++) {
                sum += shares[c];
                cumulativeShares[c] = sum;
            }
            double memory = 0; // sum_i e^{-beta (from - t_i)}: the history's pull on the future
            for (double h : input.history()) {
                memory += Math.exp(-p.beta() * (input.simulateFrom() - h));
            }
            this.historyMemory = memory;
            List<ShockSource> active = new ArrayList<>();
            for (ShockSource s : input.sanctions()) {
                if (s.time() < input.countTo() && s.weight() > 0 && p.kappa() > 0) {
                    active.add(s);
                }
            }
            this.sources = active.toArray(ShockSource[]::new);
        }

        int drawCell(SplittableRandom rng) {
            double u = rng.nextDouble() * cumulativeShares[cumulativeShares.length - 1];
            int lo = 0;
            int hi = cumulativeShares.length - 1;
            while (lo < hi) { // first cell whose cumulative share exceeds u
                int mid = (lo + hi) >>> 1;
                if (cumulativeShares[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        double drawLoss(SplittableRandom rng) {
            double u = rng.nextDouble();
            if (u >= loss.probabilityPositive()) {
                return 0.0;
            }
            return Math.exp(loss.muLog() + loss.sigmaLog() * rng.nextGaussian());
        }
    }

    /** The paths of one chunk, in path order. */
    private static final class Chunk {
        final int from;
        final int to;
        final int[] baselineCount;
        final int[] scenarioCount;
        final double[] baselineLoss;
        final double[] scenarioLoss;
        final int[] pathStart;
        int[] cell = new int[64];
        double[] loss = new double[64];
        byte[] worlds = new byte[64];
        int size;
        double[] stack = new double[64];

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
            int n = to - from;
            baselineCount = new int[n];
            scenarioCount = new int[n];
            baselineLoss = new double[n];
            scenarioLoss = new double[n];
            pathStart = new int[n];
        }

        void startPath(int local) {
            pathStart[local] = size;
        }

        void add(int local, int c, double amount, ShockSource.Membership membership) {
            if (size == cell.length) {
                cell = Arrays.copyOf(cell, 2 * size);
                loss = Arrays.copyOf(loss, 2 * size);
                worlds = Arrays.copyOf(worlds, 2 * size);
            }
            byte w = 0;
            if (membership.inBaseline()) {
                w |= ScenarioPaths.IN_BASELINE;
                baselineCount[local]++;
                baselineLoss[local] += amount;
            }
            if (membership.inScenario()) {
                w |= ScenarioPaths.IN_SCENARIO;
                scenarioCount[local]++;
                scenarioLoss[local] += amount;
            }
            cell[size] = c;
            loss[size] = amount;
            worlds[size] = w;
            size++;
        }
    }
}
