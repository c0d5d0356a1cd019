package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.InstitutionScore;
import io.sanctionsrisk.cadence.scoring.ScoringModel;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.InstitutionScoring;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link InstitutionScoring} by the rules of the score endpoints: the same validator, the same scoring context of a
 * snapshot, so a portfolio institution's score equals its single score against the same snapshot on the same day.
 */
@ApplicationScoped
class InstitutionScoringService implements InstitutionScoring {

    private final SnapshotStore store;
    private final InstitutionValidator validator;
    private final RiskConfig config;
    private final Clock clock;
    private final ScoringContexts contexts;

    InstitutionScoringService(
            SnapshotStore store,
            InstitutionValidator validator,
            RiskConfig config,
            Clock clock,
            ScoringContexts contexts) {
        this.store = store;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
        this.contexts = contexts;
    }

    @Override
    public Checker servingChecker() {
        LoadedSnapshot serving = store.requireServing("portfolio institutions are checked against its cells");
        ScoringContext context = context(serving);
        return new Checker() {
            @Override
            public LoadedSnapshot snapshot() {
                return serving;
            }

            @Override
            public boolean check(Input input, String prefix, List<Violation> errors) {
                return validator.validate(context, request(input), prefix, errors) != null;
            }
        };
    }

    /**
     * A score depends on the institution's sector, country, horizon and exposure levels only, so each distinct
     * profile is validated and scored once: a portfolio of 100,000 institutions has a few thousand profiles at most.
     */
    @Override
    public Score[] scoreAll(LoadedSnapshot snapshot, List<Input> inputs) {
        ScoringContext context = context(snapshot);
        LocalDate from = context.from(LocalDate.now(clock));
        Map<Integer, ScoringModel> models = new HashMap<>();
        Map<Input, Score> byProfile = new HashMap<>();
        Score[] scores = new Score[inputs.size()];
        List<Violation> errors = new ArrayList<>(4);
        for (int i = 0; i < scores.length; i++) {
            Input in = inputs.get(i);
            Input profile = new Input(
                    null,
                    in.sector(),
                    in.country(),
                    in.horizonDays(),
                    in.swiftConnectivity(),
                    in.cryptoCustody(),
                    in.correspondentExposure(),
                    in.controlMaturity());
            if (byProfile.containsKey(profile)) {
                scores[i] = byProfile.get(profile);
                continue;
            }
            errors.clear();
            Institution institution = validator.validate(context, request(profile), "", errors);
            Score score = null;
            if (institution != null) {
                ScoringModel model = models.computeIfAbsent(institution.horizonDays(), h -> context.model(from, h));
                InstitutionScore s = model.score(institution.cell(), institution.exposure());
                score = new Score(s.score(), s.band().code(), s.probabilityAtLeastOne(), s.expectedCount());
            }
            byProfile.put(profile, score);
            scores[i] = score;
        }
        return scores;
    }

    private ScoringContext context(LoadedSnapshot snapshot) {
        return contexts.of(snapshot);
    }

    private static ScoreRequest request(Input input) {
        ScoreRequest.ExposureInput exposure = input.swiftConnectivity() == null
                        && input.cryptoCustody() == null
                        && input.correspondentExposure() == null
                        && input.controlMaturity() == null
                ? null
                : new ScoreRequest.ExposureInput(
                        input.swiftConnectivity(),
                        input.cryptoCustody(),
                        input.correspondentExposure(),
                        input.controlMaturity());
        return new ScoreRequest(input.id(), input.sector(), input.country(), input.horizonDays(), exposure);
    }
}
