package io.sanctionsrisk.risk.scenario;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A what-if scenario: hypothetical sanctions added to and/or existing ones (by key) removed from the serving
 * snapshot's data, over a horizon from a start date. Everything is optional except what a change needs.
 */
@Schema(
        name = "ScenarioRequest",
        description = "Sanctions to add or remove, the horizon, the number of paths and the seed",
        example = """
                {"name": "New UN package next month",
                 "startDate": "2026-01-01", "horizonDays": 365, "paths": 20000, "seed": 42,
                 "addSanctions": [{"date": "2026-02-01", "authority": "UNSC",
                                   "measures": ["asset-freeze", "banking-restriction"], "severity": 4}],
                 "removeSanctions": ["EU-2017-1509"],
                 "sectors": ["commercial-bank"], "regions": ["southern-asia"]}""")
public record ScenarioRequest(
        @Schema(example = "New UN package next month", description = "A label, at most 200 characters")
        String name,

        @Schema(example = "2026-01-01", description = "First day of the horizon; default: today (UTC)")
        LocalDate startDate,

        @Schema(example = "365", description = "Length of the horizon in days (default 365, at most 3650)")
        Integer horizonDays,

        @Schema(example = "20000", description = "Simulated paths (default 10,000; 100 to 200,000)")
        Integer paths,

        @Schema(example = "42", description = "Seed of the simulation; generated and returned when omitted")
        Long seed,

        @Schema(description = "Hypothetical sanctions, each inside the horizon (at most 100)")
        List<AddedSanction> addSanctions,

        @Schema(
                example = "[\"EU-2017-1509\"]",
                description = "Keys of the snapshot's sanctions to leave out of the scenario (at most 1000)")
        List<String> removeSanctions,

        @Schema(example = "realised", description = "Loss basis: realised (default) or attempted USD amounts")
        String lossBasis,

        @Schema(description = "Only list these sectors' cells (the simulation is unchanged); default: all")
        List<String> sectors,

        @Schema(description = "Only list these regions' cells; default: all")
        List<String> regions) {

    @Schema(name = "ScenarioSanction", description = "A hypothetical sanction: a date and a severity or a weight")
    public record AddedSanction(
            @Schema(example = "HYP-UN-2026", description = "A key for it (default HYP-1, HYP-2, ...)")
            String key,

            @Schema(example = "2026-02-01", description = "Date it takes effect, inside the horizon")
            LocalDate date,

            @Schema(example = "UNSC") String authority,

            @Schema(example = "[\"asset-freeze\", \"banking-restriction\"]", description = "Measures, for the record")
            List<String> measures,

            @Schema(example = "4", description = "Severity 1..5 (the weight is the severity, as in the data)")
            Integer severity,

            @Schema(example = "4.0", description = "Weight w >= 0 directly (overrides the severity)")
            Double weight) {}
}
