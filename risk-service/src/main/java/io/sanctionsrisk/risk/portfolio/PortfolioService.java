package io.sanctionsrisk.risk.portfolio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.snapshot.InstitutionScoring;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Portfolios of the caller's organisation: created empty, filled by an upload that replaces the institutions (checked
 * whole by the scoring rules first, then stored and scored on the serving snapshot in one transaction), read as the
 * latest scores and the history. A portfolio of another organisation, or none, is the same 404.
 */
@ApplicationScoped
public class PortfolioService {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_THRESHOLDS = 10;
    private static final int MAX_LISTED = 50;
    private static final int MAX_ROWS_LISTED = 1_000;
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final PortfolioStore store;
    private final ScoringStore scoringStore;
    private final PortfolioScorer scorer;
    private final InstitutionScoring scoring;
    private final SnapshotStore snapshots;
    private final AuditTrail audit;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int maxInstitutions;

    PortfolioService(
            PortfolioStore store,
            ScoringStore scoringStore,
            PortfolioScorer scorer,
            InstitutionScoring scoring,
            SnapshotStore snapshots,
            AuditTrail audit,
            SecurityIdentity identity,
            ObjectMapper mapper,
            Clock clock,
            @ConfigProperty(name = "risk.portfolios.max-institutions", defaultValue = "100000") int maxInstitutions) {
        this.store = store;
        this.scoringStore = scoringStore;
        this.scorer = scorer;
        this.scoring = scoring;
        this.snapshots = snapshots;
        this.audit = audit;
        this.identity = identity;
        this.mapper = mapper;
        this.clock = clock;
        this.maxInstitutions = maxInstitutions;
    }

    public PortfolioView create(PortfolioRequest request) {
        String organisation = Organisation.of(identity);
        Violations errors = new Violations();
        String name = request == null ? null : request.name();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        List<Double> thresholds = request == null || request.thresholds() == null ? List.of() : request.thresholds();
        if (thresholds.size() > MAX_THRESHOLDS) {
            errors.add("thresholds", "at most " + MAX_THRESHOLDS + " thresholds");
        }
        for (int i = 0; i < thresholds.size(); i++) {
            Double t = thresholds.get(i);
            if (t == null || !Double.isFinite(t) || t <= 0 || t >= 100) {
                errors.add("thresholds[" + i + "]", "must be a score strictly between 0 and 100");
            }
        }
        if (errors.any()) {
            throw errors.problem(ProblemType.INVALID_PORTFOLIO);
        }
        Caller caller = audit.caller();
        Instant now = clock.instant();
        PortfolioStore.PortfolioRow row = new PortfolioStore.PortfolioRow(
                UUID.randomUUID().toString(),
                organisation,
                name,
                now,
                caller.subject(),
                caller.clientId(),
                now,
                new TreeSet<>(thresholds).stream().toList(),
                0,
                null);
        store.insert(row);
        return view(row, null);
    }

    public PageView<PortfolioView> list(int page, int size) {
        String organisation = Organisation.of(identity);
        List<PortfolioStore.PortfolioRow> rows = store.page(organisation, page, size);
        Map<String, ScoringStore.ScoringRow> latest = scoringStore.latestScorings(
                rows.stream().map(PortfolioStore.PortfolioRow::id).toList());
        List<PortfolioView> items = new ArrayList<>();
        for (PortfolioStore.PortfolioRow row : rows) {
            items.add(view(row, latest.get(row.id())));
        }
        return new PageView<>(items, page, size, store.count(organisation));
    }

    public PortfolioView get(String id) {
        PortfolioStore.PortfolioRow row = owned(id);
        return view(row, scoringStore.latestScoring(row.id()).orElse(null));
    }

    /** Replaces the institutions with the upload's, all or nothing, and scores them on the serving snapshot. */
    public InstitutionsView replaceInstitutions(String id, InputStream body, String contentType) {
        PortfolioStore.PortfolioRow owned = owned(id);
        InstitutionUpload.Rows rows = new InstitutionUpload(mapper, maxInstitutions).read(body, contentType);
        InstitutionScoring.Checker checker = scoring.servingChecker();
        List<InstitutionScoring.Input> inputs = checked(rows, checker);
        String digest = digest(inputs);
        LoadedSnapshot snapshot = checker.snapshot();
        PortfolioScorer.Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            PortfolioStore.PortfolioRow locked = store.lock(owned.id())
                    .filter(p -> p.organisation().equals(owned.organisation()))
                    .orElseThrow(() -> notFound(id));
            store.replaceInstitutions(locked.id(), inputs, digest, clock.instant());
            PortfolioScorer.Outcome scored = scorer.score(locked, snapshot, "institutions-replaced");
            audit.record(new AuditEntry(
                    AuditAction.PORTFOLIO_INSTITUTIONS,
                    digest,
                    inputs.size(),
                    snapshot.row().getModelVersion(),
                    snapshot.row().getDataVersion(),
                    snapshot.id(),
                    locked.id()));
            return scored;
        });
        return new InstitutionsView(owned.id(), inputs.size(), digest, ScoringView.of(outcome.scoring(), null));
    }

    public ScoresView scores(String id, int page, int size) {
        PortfolioStore.PortfolioRow row = owned(id);
        Long serving = snapshots.servingId().orElse(null);
        Optional<ScoringStore.ScoringRow> latest = scoringStore.latestScoring(row.id());
        if (latest.isEmpty()) {
            return new ScoresView(
                    row.id(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    serving,
                    new ScoringView.BandCounts(0, 0, 0, 0),
                    0,
                    page,
                    size,
                    0,
                    List.of());
        }
        ScoringStore.ScoringRow s = latest.get();
        String previousModel = s.previousSnapshotId() == null
                ? null
                : scoringStore
                        .scoringBefore(row.id(), s.snapshotId())
                        .map(ScoringStore.ScoringRow::modelVersion)
                        .orElse(null);
        List<ScoresView.Item> items = new ArrayList<>();
        for (ScoringStore.ScoreLine l :
                scoringStore.scorePage(row.id(), s.snapshotId(), s.previousSnapshotId(), page, size)) {
            boolean both = l.score() != null && l.previousScore() != null;
            items.add(new ScoresView.Item(
                    l.institutionId(),
                    l.sector(),
                    l.country(),
                    l.score(),
                    l.band(),
                    l.probability(),
                    l.expectedCount(),
                    l.previousScore(),
                    l.previousBand(),
                    both ? l.score() - l.previousScore() : null,
                    both && !l.band().equals(l.previousBand())));
        }
        ScoringView view = ScoringView.of(s, null);
        return new ScoresView(
                row.id(),
                s.snapshotId(),
                s.modelVersion(),
                s.dataVersion(),
                s.scoredAt(),
                s.previousSnapshotId(),
                previousModel,
                serving,
                view.bands(),
                s.bandChanges(),
                page,
                size,
                s.institutionCount(),
                items);
    }

    public PageView<ScoringView> history(String id, int page, int size, String institutionId) {
        PortfolioStore.PortfolioRow row = owned(id);
        List<ScoringStore.ScoringRow> scorings = scoringStore.scorings(row.id(), page, size);
        Map<Long, ScoringStore.ScoreRow> points = institutionId == null
                ? Map.of()
                : scoringStore.institutionScores(
                        row.id(),
                        institutionId,
                        scorings.stream()
                                .map(ScoringStore.ScoringRow::snapshotId)
                                .toList());
        List<ScoringView> items = new ArrayList<>();
        for (ScoringStore.ScoringRow s : scorings) {
            ScoringView.InstitutionPoint point = null;
            if (institutionId != null) {
                ScoringStore.ScoreRow p = points.get(s.snapshotId());
                point = new ScoringView.InstitutionPoint(
                        institutionId, p == null ? null : p.score(), p == null ? null : p.band());
            }
            items.add(ScoringView.of(s, point));
        }
        return new PageView<>(items, page, size, scoringStore.scoringCount(row.id()));
    }

    /** The caller's organisation's portfolio {@code id}; the same 404 for another organisation's and for none. */
    private PortfolioStore.PortfolioRow owned(String id) {
        String organisation = Organisation.of(identity);
        if (id == null || !UUID_FORM.matcher(id).matches()) {
            throw notFound(id);
        }
        return store.find(id, organisation).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(String id) {
        String shown = id == null ? "" : InstitutionUpload.shorten(id);
        return new ApiProblem(ProblemType.NOT_FOUND, "no portfolio '" + shown + "' in the caller's organisation");
    }

    /** Every row checked: readable, an id present, short and not repeated, and valid by the scoring rules. */
    private List<InstitutionScoring.Input> checked(InstitutionUpload.Rows rows, InstitutionScoring.Checker checker) {
        if (rows.size() == 0) {
            throw new ApiProblem(
                    ProblemType.INVALID_INSTITUTION,
                    "the upload holds no institution",
                    List.of(Violation.of("body", "at least one institution is required")),
                    Map.of("errorCount", 1),
                    null);
        }
        List<Violation> listed = new ArrayList<>();
        int errorCount = 0;
        List<Integer> badRows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(rows.size() * 2);
        List<InstitutionScoring.Input> inputs = new ArrayList<>(rows.size());
        List<Violation> found = new ArrayList<>(4);
        for (int i = 0; i < rows.size(); i++) {
            found.clear();
            found.addAll(rows.errors().get(i));
            InstitutionScoring.Input input = rows.inputs().get(i);
            if (input != null) {
                String prefix = rows.prefix(i);
                String institutionId = input.id();
                if (institutionId == null || institutionId.isBlank()) {
                    found.add(Violation.of(prefix + "institutionId", "is required"));
                } else if (institutionId.length() > MAX_ID_LENGTH) {
                    found.add(
                            Violation.of(prefix + "institutionId", "is longer than " + MAX_ID_LENGTH + " characters"));
                } else {
                    Integer first = seen.putIfAbsent(institutionId, i);
                    if (first != null) {
                        found.add(Violation.of(
                                prefix + "institutionId",
                                "'" + InstitutionUpload.shorten(institutionId) + "' is already used by [" + first
                                        + "]"));
                    }
                }
                checker.check(input, prefix, found);
            }
            if (found.isEmpty()) {
                inputs.add(input);
                continue;
            }
            errorCount += found.size();
            if (badRows.size() < MAX_ROWS_LISTED) {
                badRows.add(rows.lines() == null ? i : rows.lines()[i]);
            }
            for (Violation v : found) {
                if (listed.size() < MAX_LISTED) {
                    listed.add(v);
                }
            }
        }
        if (errorCount > 0) {
            Violation first = listed.get(0);
            Map<String, Object> extensions = new HashMap<>();
            extensions.put("errorCount", errorCount);
            extensions.put(rows.lines() == null ? "rows" : "lines", badRows);
            String unit = rows.lines() == null ? "rows (indices)" : "lines";
            throw new ApiProblem(
                    ProblemType.INVALID_INSTITUTION,
                    errorCount + " problem" + (errorCount == 1 ? "" : "s") + " in " + badRows.size() + " " + unit
                            + "; nothing was stored. The first: " + first.field() + ": " + first.message(),
                    listed,
                    extensions,
                    null);
        }
        return inputs;
    }

    /** SHA-256 of the institutions, one tab-separated line each, in upload order. */
    static String digest(List<InstitutionScoring.Input> inputs) {
        StringBuilder out = new StringBuilder(inputs.size() * 48);
        for (InstitutionScoring.Input in : inputs) {
            out.append(in.id()).append('\t').append(in.sector()).append('\t').append(in.country());
            for (Object v : new Object[] {
                in.horizonDays(),
                in.swiftConnectivity(),
                in.cryptoCustody(),
                in.correspondentExposure(),
                in.controlMaturity()
            }) {
                out.append('\t').append(v == null ? "" : v);
            }
            out.append('\n');
        }
        return InputsDigest.ofText(out.toString());
    }

    static PortfolioView view(PortfolioStore.PortfolioRow row, ScoringStore.ScoringRow latest) {
        return new PortfolioView(
                row.id(),
                row.organisation(),
                row.name(),
                row.thresholds(),
                row.createdAt(),
                row.updatedAt(),
                row.institutionCount(),
                row.institutionsDigest(),
                latest == null ? null : latest.snapshotId());
    }
}
