package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.SeverityModel;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import io.sanctionsrisk.cadence.scoring.JointDraws;
import io.sanctionsrisk.risk.config.RiskConfig;
import java.util.Collections;
import java.util.List;

/**
 * What every served number of one snapshot is drawn from, built once per snapshot ({@link ServedModels}): the served
 * cells with their posterior, the joint draws (cadence parameter draw d with mark draw d under {@link #markSeed()}),
 * and the severities by sector group with a trend, attempted and realised (null when too few amounts). A snapshot
 * fitted before draws were stored serves the fitted parameters in every draw: its intervals hold the marks'
 * uncertainty only, and {@link #hasParameterDraws()} says so. {@code jointDraws} (null without cells) holds the
 * horizon-free part of the scores' intervals, drawn once. Immutable.
 */
public record ServedModel(
        LoadedSnapshot snapshot,
        ServedCells cells,
        List<CadenceParameters> cadenceDraws,
        boolean hasParameterDraws,
        long markSeed,
        SeverityPosterior attempted,
        SeverityPosterior realised,
        SeverityPosterior pooledAttempted,
        SeverityPosterior pooledRealised,
        JointDraws jointDraws) {

    /** Joint draws served when the snapshot stores none, and the number the refit keeps. */
    public static final int DRAWS = 200;

    /** The seed of the mark draws when the snapshot stores none. */
    public static final long DEFAULT_MARK_SEED = 0x6D61726B73L;

    public static ServedModel of(LoadedSnapshot snapshot, RiskConfig.Marks marks) {
        ServedCells cells = ServedCells.of(snapshot.dataset(), marks);
        List<CadenceParameters> stored = snapshot.parameterDraws();
        boolean drawn = !stored.isEmpty();
        List<CadenceParameters> draws = drawn ? stored : Collections.nCopies(DRAWS, snapshot.parameters());
        long markSeed = snapshot.uncertainty() == null
                ? DEFAULT_MARK_SEED
                : snapshot.uncertainty().markSeed();
        List<MarkedEvent> events = snapshot.dataset().markedEvents(true);
        double asOf = snapshot.dataset().lengthDays();
        java.util.Map<String, String> groups = SeverityGroups.of(
                cells == null ? snapshot.dataset().sectors() : cells.posterior().sectors());
        SeverityPosterior attempted = severity(events, asOf, SeverityModel.Amount.ATTEMPTED, groups, true);
        SeverityPosterior realised = severity(events, asOf, SeverityModel.Amount.REALISED, groups, true);
        return new ServedModel(
                snapshot,
                cells,
                List.copyOf(draws),
                drawn,
                markSeed,
                attempted,
                realised,
                severity(events, asOf, SeverityModel.Amount.ATTEMPTED, null, false),
                severity(events, asOf, SeverityModel.Amount.REALISED, null, false),
                cells == null ? null : JointDraws.of(draws, cells.posterior(), attempted, realised, markSeed));
    }

    /** The severity of {@code amount}: by group with a trend, else pooled without trend, else null (too few). */
    static SeverityPosterior severity(
            List<MarkedEvent> events,
            double asOf,
            SeverityModel.Amount amount,
            java.util.Map<String, String> groups,
            boolean grouped) {
        if (grouped) {
            try {
                return SeverityModel.fit(events, asOf, amount, groups, true);
            } catch (IllegalArgumentException tooFew) {
                // fall through to the pooled severity
            }
        }
        try {
            return SeverityModel.fit(events, asOf, amount, null, false);
        } catch (IllegalArgumentException none) {
            return null;
        }
    }
}
