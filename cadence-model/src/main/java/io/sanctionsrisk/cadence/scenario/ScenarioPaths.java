package io.sanctionsrisk.cadence.scenario;

/**
 * The simulated paths: per path the total count and loss in each world, and every counted heist with its cell,
 * loss and the worlds it occurs in. Heists of path i are at indices pathStart[i] .. pathStart[i + 1] - 1, in the
 * order they were simulated. Arrays are shared, not copied: treat them as read-only.
 */
public record ScenarioPaths(
        int paths,
        int cellCount,
        boolean withLosses,
        int[] baselineCount,
        int[] scenarioCount,
        double[] baselineLoss,
        double[] scenarioLoss,
        int[] pathStart,
        int[] eventCell,
        double[] eventLoss,
        byte[] eventWorlds) {

    /** Bit flags of {@link #eventWorlds}. */
    public static final byte IN_BASELINE = 1;

    public static final byte IN_SCENARIO = 2;

    public int eventCount() {
        return eventCell.length;
    }
}
