package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.sanctions.MeasureRecord;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceClient;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceUnavailableException;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a scenario request against the limits and the serving snapshot and fills its defaults: sizes first
 * (413), then every field (422 listing the problems); measures-only sanctions are weighed by the rubric with the
 * measure levels of the sanctions-service.
 */
@ApplicationScoped
class ScenarioValidator {

    private final ScenarioConfig config;
    private final RiskConfig riskConfig;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();
    private final SanctionsServiceClient sanctionsService;

    ScenarioValidator(
            ScenarioConfig config, RiskConfig riskConfig, Clock clock, SanctionsServiceClient sanctionsService) {
        this.config = config;
        this.riskConfig = riskConfig;
        this.clock = clock;
        this.sanctionsService = sanctionsService;
    }

    void checkSizes(ScenarioRequest r) {
        if (r.paths() != null && r.paths() > config.maxPaths()) {
            throw tooLarge("paths", r.paths() + " paths exceed the limit of " + config.maxPaths(), config.maxPaths());
        }
        if (r.addSanctions() != null && r.addSanctions().size() > config.maxAddedSanctions()) {
            throw tooLarge(
                    "addSanctions",
                    r.addSanctions().size() + " added sanctions exceed the limit of " + config.maxAddedSanctions(),
                    config.maxAddedSanctions());
        }
        if (r.removeSanctions() != null && r.removeSanctions().size() > config.maxRemovedSanctions()) {
            throw tooLarge(
                    "removeSanctions",
                    r.removeSanctions().size() + " removed sanctions exceed the limit of "
                            + config.maxRemovedSanctions(),
                    config.maxRemovedSanctions());
        }
        checkFilterSize(r.sectors(), "sectors");
        checkFilterSize(r.regions(), "regions");
    }

    private static void checkFilterSize(List<String> filter, String field) {
        if (filter != null && filter.size() > ScenarioService.MAX_FILTER) {
            throw tooLarge(
                    field,
                    filter.size() + " " + field + " exceed the limit of " + ScenarioService.MAX_FILTER,
                    ScenarioService.MAX_FILTER);
        }
    }

    private static ApiProblem tooLarge(String field, String detail, int limit) {
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                detail,
                List.of(Violation.of(field, detail)),
                Map.of("limit", limit),
                null);
    }

    /** Fills the defaults and checks every field against the limits and the snapshot; 422 lists the problems. */
    ScenarioInputs normalise(ScenarioRequest r, ModelDataset dataset) {
        Violations errors = new Violations();
        if (r.name() != null && r.name().length() > 200) {
            errors.add("name", "at most 200 characters");
        }
        LocalDate start = r.startDate() != null ? r.startDate() : LocalDate.now(clock);
        LocalDate latestStart = dataset.windowEnd().plusDays(config.maxStartDaysAfterData());
        if (start.isBefore(dataset.windowStart().plusDays(1))) {
            errors.add(
                    "startDate",
                    start + " is not after the start of the model's data (" + dataset.windowStart()
                            + "): there is nothing to condition on");
        } else if (start.isAfter(latestStart)) {
            errors.add(
                    "startDate",
                    start + " is more than " + config.maxStartDaysAfterData() + " days after the end of the model's"
                            + " data (" + dataset.windowEnd() + ")");
        }
        int horizon = r.horizonDays() != null ? r.horizonDays() : config.defaultHorizonDays();
        if (horizon < 1 || horizon > config.maxHorizonDays()) {
            errors.add("horizonDays", "must be between 1 and " + config.maxHorizonDays() + " days, got " + horizon);
        }
        int paths = r.paths() != null ? r.paths() : config.defaultPaths();
        if (paths < config.minPaths()) {
            errors.add("paths", "must be at least " + config.minPaths() + ", got " + paths);
        }
        boolean generated = r.seed() == null;
        long seed = generated ? seeds.nextLong() & ScenarioService.SEED_MASK : r.seed();
        String basis = r.lossBasis() == null ? ScenarioService.REALISED : r.lossBasis();
        if (!ScenarioService.REALISED.equals(basis) && !ScenarioService.ATTEMPTED.equals(basis)) {
            errors.add("lossBasis", "must be realised or attempted, got '" + basis + "'");
        }

        Set<String> existing = new HashSet<>();
        for (DatasetSanction s : dataset.sanctions()) {
            if (s.key() != null) {
                existing.add(s.key());
            }
        }
        List<ScenarioInputs.Sanction> added = new ArrayList<>();
        Set<String> addedKeys = new HashSet<>();
        MeasureLevels levels = new MeasureLevels(); // read from the sanctions-service once, when first needed
        // the last day of the horizon, only to check the added dates: from a start or horizon already reported as
        // out of range it is not computed from them (a start near LocalDate.MAX would overflow)
        LocalDate last = start.isAfter(latestStart)
                ? start
                : start.plusDays(Math.max(0, Math.min(horizon, config.maxHorizonDays()) - 1L));
        List<ScenarioRequest.AddedSanction> adds = r.addSanctions() == null ? List.of() : r.addSanctions();
        for (int i = 0; i < adds.size(); i++) {
            ScenarioRequest.AddedSanction a = adds.get(i);
            String at = "addSanctions[" + i + "]";
            if (a == null) {
                errors.add(at, "is null");
                continue;
            }
            String key = a.key() != null ? a.key() : "HYP-" + (i + 1);
            if (key.isBlank() || key.length() > ScenarioService.MAX_TEXT) {
                errors.add(at + ".key", "must be 1 to " + ScenarioService.MAX_TEXT + " characters");
            } else if (existing.contains(key)) {
                errors.add(at + ".key", "'" + key + "' is the key of a sanction in the model's data");
            } else if (!addedKeys.add(key)) {
                errors.add(at + ".key", "'" + key + "' is used twice");
            }
            if (a.date() == null) {
                errors.add(at + ".date", "is required");
            } else if (a.date().isBefore(start) || a.date().isAfter(last)) {
                errors.add(at + ".date", a.date() + " lies outside the horizon " + start + ".." + last);
            }
            if (a.authority() != null && a.authority().length() > ScenarioService.MAX_TEXT) {
                errors.add(at + ".authority", "at most " + ScenarioService.MAX_TEXT + " characters");
            }
            if (a.measures() != null) {
                if (a.measures().size() > ScenarioService.MAX_MEASURES) {
                    errors.add(at + ".measures", "at most " + ScenarioService.MAX_MEASURES + " measures");
                } else {
                    for (int m = 0; m < a.measures().size(); m++) {
                        String measure = a.measures().get(m);
                        if (measure == null || measure.isBlank() || measure.length() > ScenarioService.MAX_TEXT) {
                            errors.add(
                                    at + ".measures[" + m + "]",
                                    "must be 1 to " + ScenarioService.MAX_TEXT + " characters");
                        }
                    }
                }
            }
            Double weight = null;
            Integer severity = a.severity();
            if (a.severity() != null && (a.severity() < 1 || a.severity() > 5)) {
                errors.add(at + ".severity", "must be 1..5, got " + a.severity());
            } else if (a.weight() != null) {
                if (!Double.isFinite(a.weight()) || a.weight() < 0 || a.weight() > ScenarioService.MAX_WEIGHT) {
                    errors.add(
                            at + ".weight",
                            "must be a number from 0 to " + ScenarioService.MAX_WEIGHT + ", got " + a.weight());
                } else {
                    weight = a.weight();
                }
            } else if (a.severity() != null) {
                weight = (double) a.severity();
            } else if (a.measures() != null
                    && !a.measures().isEmpty()
                    && a.measures().size() <= ScenarioService.MAX_MEASURES) {
                severity = severityOf(a.measures(), at, errors, levels);
                weight = severity == null ? null : (double) severity;
            } else {
                errors.add(at + ".severity", "give a severity 1..5, a weight, or the measures");
            }
            if (weight != null) {
                added.add(new ScenarioInputs.Sanction(key, a.date(), a.authority(), a.measures(), severity, weight));
            }
        }
        List<String> removed = new ArrayList<>();
        Set<String> seenRemoved = new HashSet<>();
        List<String> removes = r.removeSanctions() == null ? List.of() : r.removeSanctions();
        for (int i = 0; i < removes.size(); i++) {
            String key = removes.get(i);
            String at = "removeSanctions[" + i + "]";
            if (key == null) {
                errors.add(at, "is null");
            } else if (!existing.contains(key)) {
                errors.add(at, "no sanction with key '" + key + "' in the model's data");
            } else if (!seenRemoved.add(key)) {
                errors.add(at, "'" + key + "' is listed twice");
            } else {
                removed.add(key);
            }
        }
        ScenarioSimulation.Grid grid = ScenarioSimulation.known(dataset);
        List<String> sectors = filter(r.sectors(), grid.sectors(), "sectors", errors);
        List<String> regions = filter(r.regions(), grid.regions(), "regions", errors);
        if (errors.any()) {
            throw errors.problem(ProblemType.INVALID_SCENARIO);
        }
        return new ScenarioInputs(
                r.name(), start, horizon, paths, seed, generated, basis, added, removed, sectors, regions);
    }

    /** The rubric's severity of the measures, or null (with the unknown ones listed) when a code is unknown. */
    private Integer severityOf(List<String> measures, String at, Violations errors, MeasureLevels levels) {
        if (levels.byCode == null) {
            try {
                Map<String, Integer> known = new HashMap<>();
                for (MeasureRecord m : sanctionsService.measures()) {
                    known.put(m.code(), m.severityLevel());
                }
                levels.byCode = known;
            } catch (SanctionsServiceUnavailableException e) {
                throw ApiProblem.retryLater(
                        ProblemType.SANCTIONS_UNAVAILABLE,
                        e.getMessage() + "; the measures' severity levels are needed for " + at
                                + " (give a severity or a weight to do without)",
                        riskConfig.refit().retryAfterSeconds());
            }
        }
        Map<String, Integer> distinct = new TreeMap<>();
        boolean ok = true;
        for (int m = 0; m < measures.size(); m++) {
            String code = measures.get(m);
            Integer level = code == null ? null : levels.byCode.get(code);
            if (level == null) {
                if (code != null
                        && !code.isBlank()
                        && code.length() <= ScenarioService.MAX_TEXT) { // other cases are listed above
                    errors.add(at + ".measures[" + m + "]", "unknown measure '" + code + "'");
                }
                ok = false;
            } else {
                distinct.put(code, level);
            }
        }
        return ok ? MeasureRubric.severity(distinct.values()) : null;
    }

    /** The measures' rubric levels, once read. */
    private static final class MeasureLevels {
        Map<String, Integer> byCode;
    }

    private static List<String> filter(List<String> given, Set<String> known, String field, Violations errors) {
        if (given == null) {
            return null;
        }
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            String v = given.get(i);
            if (v == null || !known.contains(v)) {
                errors.add(field + "[" + i + "]", "unknown: '" + v + "' is not in the model's taxonomy");
            } else {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }
}
