package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.ScoringModel;
import io.sanctionsrisk.cadence.scoring.UncertainRiskModel;
import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores institutions against the serving snapshot, and records every score and batch in the audit trail once its
 * inputs are valid (invalid input records nothing). A batch is validated whole, then scored against the one
 * snapshot it was validated on, in the serving snapshot's scoring context ({@link ScoringContexts}).
 */
@ApplicationScoped
public class ScoreService {

    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_LISTED = 50;

    private final ScoringContexts contexts;
    private final InstitutionValidator validator;
    private final AuditTrail audit;
    private final RiskConfig config;
    private final Clock clock;

    ScoreService(
            ScoringContexts contexts,
            InstitutionValidator validator,
            AuditTrail audit,
            RiskConfig config,
            Clock clock) {
        this.contexts = contexts;
        this.validator = validator;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Scores one institution and records it (action score). */
    public ScoreView score(ScoreRequest request) {
        ScoringContext context = context();
        List<Violation> errors = new ArrayList<>();
        Institution institution = validator.validate(context, request, "", errors);
        if (institution == null) {
            throw invalid(errors, errors.size(), null);
        }
        LocalDate from = context.from(LocalDate.now(clock));
        ScoringModel model = context.model(from, institution.horizonDays());
        UncertainRiskModel intervals = context.intervals(from, institution.horizonDays());
        StringBuilder canonical = new StringBuilder();
        institution.appendCanonical(canonical);
        record(AuditAction.SCORE, InputsDigest.ofText(canonical.toString()), 1, context.snapshot());
        return ScoreViews.view(
                institution, model.score(institution.cell(), institution.exposure()), intervals, from, context);
    }

    /**
     * Validates every institution of a batch (all or nothing), records the batch (action score-batch) and answers
     * the batch ready to be scored and streamed. {@code lines} (NDJSON) gives each item's line number, or is null.
     */
    public ScoreBatch batch(List<ScoreRequest> requests, int[] lines) {
        if (requests.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_INSTITUTION,
                    "the batch holds no institution",
                    List.of(Violation.of("body", "at least one institution is required")),
                    Map.of(),
                    null);
        }
        ScoringContext context = context();
        List<Violation> errors = new ArrayList<>();
        int errorCount = 0;
        Integer firstInvalid = null;
        List<Institution> institutions = new ArrayList<>(requests.size());
        StringBuilder canonical = new StringBuilder(requests.size() * 48);
        for (int i = 0; i < requests.size(); i++) {
            String prefix = lines == null ? "[" + i + "]." : "line " + lines[i] + ": [" + i + "].";
            List<Violation> found = new ArrayList<>(0);
            Institution institution = validator.validate(context, requests.get(i), prefix, found);
            if (institution == null) {
                if (firstInvalid == null) {
                    firstInvalid = i;
                }
                errorCount += found.size();
                for (Violation v : found) {
                    if (errors.size() < MAX_LISTED) {
                        errors.add(v);
                    }
                }
            } else if (errorCount == 0) {
                institutions.add(institution);
                institution.appendCanonical(canonical);
            }
        }
        if (errorCount > 0) {
            Map<String, Object> where = new HashMap<>();
            where.put("index", firstInvalid);
            if (lines != null) {
                where.put("line", lines[firstInvalid]);
            }
            throw invalid(errors, errorCount, where);
        }
        record(
                AuditAction.SCORE_BATCH,
                InputsDigest.ofText(canonical.toString()),
                institutions.size(),
                context.snapshot());
        return new ScoreBatch(context, institutions, context.from(LocalDate.now(clock)));
    }

    /** A validated batch bound to its snapshot and horizon start; scoring it cannot fail for input reasons. */
    public static final class ScoreBatch {

        private final ScoringContext context;
        private final List<Institution> institutions;
        private final LocalDate from;

        ScoreBatch(ScoringContext context, List<Institution> institutions, LocalDate from) {
            this.context = context;
            this.institutions = institutions;
            this.from = from;
        }

        public int size() {
            return institutions.size();
        }

        public LoadedSnapshot snapshot() {
            return context.snapshot();
        }

        /** Scores the institutions in order, one view at a time, so none needs to be held. */
        public void forEach(Consumer<ScoreView> sink) {
            Map<Integer, ScoringModel> models = new HashMap<>();
            Map<Integer, UncertainRiskModel> intervals = new HashMap<>();
            for (Institution institution : institutions) {
                ScoringModel model = models.computeIfAbsent(institution.horizonDays(), h -> context.model(from, h));
                sink.accept(ScoreViews.view(
                        institution,
                        model.score(institution.cell(), institution.exposure()),
                        intervals.computeIfAbsent(institution.horizonDays(), h -> context.intervals(from, h)),
                        from,
                        context));
            }
        }
    }

    /** The scoring context of the serving snapshot, built once per snapshot (503 without one or without cells). */
    ScoringContext context() {
        return contexts.serving();
    }

    private void record(AuditAction action, String digest, int items, LoadedSnapshot snapshot) {
        audit.record(new AuditEntry(
                action,
                digest,
                items,
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                snapshot.id(),
                null));
    }

    private static ApiProblem invalid(List<Violation> errors, int errorCount, Map<String, Object> where) {
        Violation first = errors.get(0);
        String detail = errorCount == 1
                ? first.field() + ": " + first.message()
                : errorCount + " problems with the institutions, the first: " + first.field() + ": " + first.message();
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("errorCount", errorCount);
        if (where != null) {
            extensions.putAll(where);
        }
        return new ApiProblem(ProblemType.INVALID_INSTITUTION, detail, errors, extensions, null);
    }
}
