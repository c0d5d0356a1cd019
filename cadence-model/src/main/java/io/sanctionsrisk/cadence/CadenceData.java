package io.sanctionsrisk.cadence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An observation window [0, T] (days) with heist times and sanctions. Immutable: arrays are copied in and
 * out. Event times are sorted ascending; exact ties are allowed and treated by the strict inequality of the
 * intensity (tied events do not excite each other). Sanctions may precede the window (their kernels still
 * reach into it) or follow it (they then have no effect inside it).
 */
public final class CadenceData {

    /** Largest number of events a dataset may hold; documented in MODEL.md. */
    public static final int MAX_EVENTS = 5_000_000;

    /** Largest number of sanctions a dataset may hold. */
    public static final int MAX_SANCTIONS = 100_000;

    private final double windowEnd;
    private final double[] events;
    private final double[] sanctionTimes;
    private final double[] sanctionWeights;

    private CadenceData(double windowEnd, double[] events, double[] sanctionTimes, double[] sanctionWeights) {
        this.windowEnd = windowEnd;
        this.events = events;
        this.sanctionTimes = sanctionTimes;
        this.sanctionWeights = sanctionWeights;
    }

    /**
     * Validates and copies. Throws IllegalArgumentException for a window that is not finite and positive,
     * non-finite event times, events outside [0, T], or more than {@link #MAX_EVENTS} events. An empty event
     * list is allowed here (simulation and forecasting use it); fitting rejects it.
     */
    public static CadenceData of(double windowEnd, double[] eventTimes, List<Sanction> sanctions) {
        if (!Double.isFinite(windowEnd) || !(windowEnd > 0)) {
            throw new IllegalArgumentException("window length T must be finite and > 0 days, got " + windowEnd);
        }
        if (eventTimes == null) {
            throw new IllegalArgumentException("event times are required");
        }
        if (sanctions == null) {
            throw new IllegalArgumentException("sanctions are required (use an empty list for none)");
        }
        if (eventTimes.length > MAX_EVENTS) {
            throw new IllegalArgumentException(
                    "too many events: " + eventTimes.length + " (the limit is " + MAX_EVENTS + ")");
        }
        if (sanctions.size() > MAX_SANCTIONS) {
            throw new IllegalArgumentException(
                    "too many sanctions: " + sanctions.size() + " (the limit is " + MAX_SANCTIONS + ")");
        }
        double[] events = new double[eventTimes.length];
        for (int i = 0; i < eventTimes.length; i++) {
            double t = eventTimes[i];
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("event " + i + " has a non-finite time " + t);
            }
            if (t < 0 || t > windowEnd) {
                throw new IllegalArgumentException(
                        "event " + i + " at " + t + " days lies outside the window [0, " + windowEnd + "]");
            }
            events[i] = t + 0.0;
        }
        Arrays.sort(events);
        List<Sanction> sorted = new ArrayList<>(sanctions.size());
        for (int j = 0; j < sanctions.size(); j++) {
            Sanction s = sanctions.get(j);
            if (s == null) {
                throw new IllegalArgumentException("sanction " + j + " is null");
            }
            sorted.add(s);
        }
        sorted.sort(Comparator.comparingDouble(Sanction::time)); // stable: equal times keep input order
        double[] times = new double[sorted.size()];
        double[] weights = new double[sorted.size()];
        for (int j = 0; j < times.length; j++) {
            times[j] = sorted.get(j).time();
            weights[j] = sorted.get(j).weight();
        }
        return new CadenceData(windowEnd, events, times, weights);
    }

    /** A dataset without sanctions. */
    public static CadenceData of(double windowEnd, double[] eventTimes) {
        return of(windowEnd, eventTimes, List.of());
    }

    /** The window length T in days. */
    public double windowEnd() {
        return windowEnd;
    }

    public int eventCount() {
        return events.length;
    }

    public double eventTime(int i) {
        return events[i];
    }

    /** A copy of the sorted event times. */
    public double[] eventTimes() {
        return events.clone();
    }

    public int sanctionCount() {
        return sanctionTimes.length;
    }

    /** The sanctions sorted by time (stable for equal times). */
    public List<Sanction> sanctions() {
        List<Sanction> out = new ArrayList<>(sanctionTimes.length);
        for (int j = 0; j < sanctionTimes.length; j++) {
            out.add(new Sanction(sanctionTimes[j], sanctionWeights[j]));
        }
        return List.copyOf(out);
    }

    /** Sum of the weights of sanctions before T: the scale the fitter uses for kappa. */
    public double effectiveSanctionWeight() {
        double total = 0;
        for (int j = 0; j < sanctionTimes.length; j++) {
            if (sanctionTimes[j] < windowEnd) {
                total += sanctionWeights[j];
            }
        }
        return total;
    }

    double[] events() {
        return events;
    }

    double[] sanctionTimesArray() {
        return sanctionTimes;
    }

    double[] sanctionWeightsArray() {
        return sanctionWeights;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CadenceData d
                && Double.compare(windowEnd, d.windowEnd) == 0
                && Arrays.equals(events, d.events)
                && Arrays.equals(sanctionTimes, d.sanctionTimes)
                && Arrays.equals(sanctionWeights, d.sanctionWeights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(windowEnd) + Arrays.hashCode(events)) + Arrays.hashCode(sanctionTimes))
                + Arrays.hashCode(sanctionWeights);
    }

    @Override
    public String toString() {
        return "CadenceData[T=" + windowEnd + ", events=" + events.length + ", sanctions=" + sanctionTimes.length + "]";
    }
}
