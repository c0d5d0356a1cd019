package io.sanctionsrisk.risk.model;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An inline dataset to fit. Either a window in days ({@code windowDays}) with event and sanction times in days from
 * its start, or a window of dates ({@code windowStart}..{@code windowEnd}, both included) with event dates, and
 * sanctions by date or by time. Sanctions may lie before the window (their response still reaches into it).
 */
@Schema(
        name = "FitRequest",
        description = "An inline dataset: window, events, sanctions and optionally the kernel shape and a time budget",
        example = """
                {"windowDays": 3650,
                 "events": [12.5, 40.0, 41.2, 300.7, 1210.0, 1211.5, 2400.25],
                 "sanctions": [{"time": -30, "weight": 5}, {"time": 1100, "weight": 3}],
                 "kernelShape": 2,
                 "timeBudgetMillis": 10000}""")
public record FitRequest(
        @Schema(example = "3650", description = "Window length T in days; events must lie in [0, T]")
        Double windowDays,

        @Schema(example = "2015-01-01", description = "First day of a date window (with windowEnd)")
        LocalDate windowStart,

        @Schema(example = "2025-11-30", description = "Last day of a date window, included")
        LocalDate windowEnd,

        @Schema(description = "Event times in days from the window start (with windowDays or a date window)")
        double[] events,

        @Schema(description = "Event dates (with a date window); same-day events are spread inside the day")
        List<LocalDate> eventDates,

        @Schema(description = "Sanctions, each with a time (days) or a date, and a weight >= 0")
        List<SanctionInput> sanctions,

        @Schema(example = "2", description = "Gamma shape k of the sanctions kernel: 1, 2 or 3; omitted: chosen by AIC")
        Integer kernelShape,

        @Schema(
                example = "10000",
                description = "Wall-clock budget of the fit in milliseconds (default and maximum"
                        + " are configured: 20000 and 120000 unless changed)")
        Long timeBudgetMillis) {

    @Schema(name = "SanctionInput", description = "A sanction: a time in days from the window start, or a date")
    public record SanctionInput(
            @Schema(example = "-30", description = "Days from the window start; negative before it")
            Double time,

            @Schema(example = "2016-03-02", description = "Date it took effect (with a date window)")
            LocalDate date,

            @Schema(example = "5", description = "Weight w_j >= 0, e.g. the severity 1..5; 0 for easing")
            Double weight) {}
}
