package io.sanctionsrisk.risk.portfolio;

import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.events.ThresholdCrossed;
import io.sanctionsrisk.risk.snapshot.InstitutionScoring;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scores a portfolio's institutions on one snapshot and stores the scoring, compared with the portfolio's scoring on
 * the snapshot before it: how many institutions changed band and crossed a threshold, and the events to raise for
 * them once the transaction has committed.
 */
@ApplicationScoped
class PortfolioScorer {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PortfolioScorer.class);
    static final String BANDS_ORDER = "low,moderate,high,severe";
    private static final List<String> BANDS = List.of(BANDS_ORDER.split(","));

    private final PortfolioStore store;
    private final ScoringStore scoringStore;
    private final InstitutionScoring scoring;
    private final Clock clock;

    PortfolioScorer(PortfolioStore store, ScoringStore scoringStore, InstitutionScoring scoring, Clock clock) {
        this.store = store;
        this.scoringStore = scoringStore;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** What a scoring stored, and the changes to announce. */
    record Outcome(
            ScoringStore.ScoringRow scoring,
            List<BandChanged> bandChanges,
            List<ThresholdCrossed> crossings,
            long writeMillis) {}

    /**
     * Scores the portfolio's current institutions on {@code snapshot}, in the caller's transaction (which holds the
     * portfolio's lock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome score(PortfolioStore.PortfolioRow portfolio, LoadedSnapshot snapshot, String reason) {
        long started = System.nanoTime();
        ScoringStore.ScoringRow before =
                scoringStore.scoringBefore(portfolio.id(), snapshot.id()).orElse(null);
        List<PortfolioStore.StoredInstitution> institutions = store.institutions(portfolio.id());
        List<InstitutionScoring.Input> inputs = new ArrayList<>(institutions.size());
        for (PortfolioStore.StoredInstitution i : institutions) {
            inputs.add(i.input());
        }
        long read = System.nanoTime();
        InstitutionScoring.Score[] scores = scoring.scoreAll(snapshot, inputs);
        long scoredAt = System.nanoTime();
        // the previous scores by institution id: a plain read of one scoring (a join with the institutions can
        // make the planner choose a nested loop over freshly written, not yet analysed rows)
        Map<String, ScoringStore.ScoreRow> previous =
                before == null ? Map.of() : scoringStore.scores(portfolio.id(), before.snapshotId());
        Instant at = clock.instant();
        List<Double> thresholds = portfolio.thresholds();
        int[] bands = new int[4];
        int unscored = 0;
        double sum = 0;
        List<BandChanged> changes = new ArrayList<>();
        List<ThresholdCrossed> crossings = new ArrayList<>();
        List<ScoringStore.ScoreRow> rows = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            PortfolioStore.StoredInstitution institution = institutions.get(i);
            String id = institution.input().id();
            InstitutionScoring.Score s = scores[i];
            if (s == null) {
                unscored++;
                rows.add(new ScoringStore.ScoreRow(institution.row(), id, null, null, null, null));
                continue;
            }
            bands[BANDS.indexOf(s.band())]++;
            sum += s.score();
            rows.add(new ScoringStore.ScoreRow(
                    institution.row(), id, s.score(), s.band(), s.probability(), s.expectedCount()));
            ScoringStore.ScoreRow p = previous.get(id);
            Double previousScore = p == null ? null : p.score();
            String previousBand = p == null ? null : p.band();
            if (previousScore == null || previousBand == null) {
                continue;
            }
            if (!previousBand.equals(s.band())) {
                changes.add(new BandChanged(
                        portfolio.organisation(),
                        portfolio.id(),
                        id,
                        previousBand,
                        s.band(),
                        previousScore,
                        s.score(),
                        snapshot.id(),
                        at));
            }
            for (double t : thresholds) {
                if ((previousScore >= t) != (s.score() >= t)) {
                    crossings.add(new ThresholdCrossed(
                            portfolio.organisation(),
                            portfolio.id(),
                            id,
                            t,
                            previousScore,
                            s.score(),
                            snapshot.id(),
                            at));
                }
            }
        }
        int scored = scores.length - unscored;
        ScoringStore.ScoringRow row = new ScoringStore.ScoringRow(
                portfolio.id(),
                snapshot.id(),
                before == null ? null : before.snapshotId(),
                at,
                reason,
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                scores.length,
                unscored,
                bands,
                changes.size(),
                crossings.size(),
                scored == 0 ? null : sum / scored,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        long writing = System.nanoTime();
        LOG.debugf(
                "portfolio %s: read %d, score %d, compare %d ms",
                portfolio.id(),
                (read - started) / 1_000_000,
                (scoredAt - read) / 1_000_000,
                (writing - scoredAt) / 1_000_000);
        scoringStore.writeScoring(row, rows);
        return new Outcome(row, changes, crossings, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - writing));
    }
}
