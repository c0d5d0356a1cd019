package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.DatePrecision;
import io.sanctionsrisk.sanctions.SanctionEvent;
import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import io.sanctionsrisk.sanctions.dto.Timeline;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository.MonthlyTotals;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sanctions/heist timeline: per calendar month, quarter or year, the heists (by first-action date), the
 * sums of known attempted and realised losses, and the sanctions in force from that bucket. Buckets with
 * nothing in them are included, so the series is continuous.
 */
@ApplicationScoped
public class TimelineService {

    public enum BucketSize {
        MONTH(1),
        QUARTER(3),
        YEAR(12);

        final int months;

        BucketSize(int months) {
            this.months = months;
        }

        public static BucketSize parse(String value) {
            if (value == null || value.isBlank()) {
                return MONTH;
            }
            return switch (value.strip()) {
                case "month" -> MONTH;
                case "quarter" -> QUARTER;
                case "year" -> YEAR;
                default ->
                    throw ApiProblem.invalidParameter(
                            "bucket", "unknown bucket '" + value + "' (month, quarter or year)");
            };
        }

        /** The first day of the bucket holding the date. */
        LocalDate start(LocalDate date) {
            int month = ((date.getMonthValue() - 1) / months) * months + 1;
            return LocalDate.of(date.getYear(), month, 1);
        }

        String label(LocalDate start) {
            return switch (this) {
                case MONTH -> YearMonth.from(start).toString();
                case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case YEAR -> Integer.toString(start.getYear());
            };
        }

        /** True when a date of this precision is coarser than the bucket. */
        boolean coarser(DatePrecision precision) {
            return switch (precision) {
                case DAY -> false;
                case MONTH -> false;
                case YEAR -> this != YEAR;
            };
        }
    }

    private final IncidentRepository incidents;
    private final SanctionEventRepository sanctions;
    private final SanctionsConfig config;
    private final VersionedCache cache;

    public TimelineService(
            IncidentRepository incidents,
            SanctionEventRepository sanctions,
            SanctionsConfig config,
            VersionedCache cache) {
        this.incidents = incidents;
        this.cache = cache;
        this.sanctions = sanctions;
        this.config = config;
    }

    /**
     * @param from first day covered, or null for the earliest heist or sanction
     * @param to last day covered, or null for the latest heist or sanction
     */
    /** The timeline, cached for the data version it is tagged with. */
    public Timeline timeline(BucketSize size, LocalDate from, LocalDate to, long dataVersion) {
        return cache.get(
                dataVersion, List.of(size, String.valueOf(from), String.valueOf(to)), () -> compute(size, from, to));
    }

    private Timeline compute(BucketSize size, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            LocalDate[] range = dataRange();
            from = from != null ? from : range[0];
            to = to != null ? to : range[1];
        }
        if (from == null || to == null || to.isBefore(from)) {
            return new Timeline(name(size), from, to, List.of());
        }
        LocalDate first = size.start(from);
        long bucketCount =
                ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(size.start(to))) / size.months + 1;
        int maxBuckets = config.timeline().maxBuckets();
        if (bucketCount > maxBuckets) {
            throw ApiProblem.invalidParameter(
                    "bucket",
                    bucketCount + " buckets from " + from + " to " + to + " exceed the limit of " + maxBuckets
                            + "; use a larger bucket or a shorter range");
        }
        List<long[]> totals = new ArrayList<>();
        List<List<Timeline.SanctionMark>> marks = new ArrayList<>();
        for (int i = 0; i < bucketCount; i++) {
            totals.add(new long[5]);
            marks.add(new ArrayList<>());
        }
        for (MonthlyTotals month : incidents.monthlyTotals(from, to)) {
            LocalDate start = size.start(LocalDate.of(month.year(), month.month(), 1));
            int index = index(first, start, size);
            long[] cell = totals.get(index);
            cell[0] += month.heists();
            cell[1] += month.attemptedUsd();
            cell[2] += month.realisedUsd();
            cell[3] += month.unknownRealised();
            if (size.coarser(month.precision())) {
                cell[4] += month.heists();
            }
        }
        for (SanctionEvent event : sanctions.inForceBetween(from, to)) {
            LocalDate date = event.inForceFrom();
            marks.get(index(first, size.start(date), size))
                    .add(new Timeline.SanctionMark(
                            event.getKey(),
                            event.getAuthority().code(),
                            event.getTitle(),
                            date,
                            event.getDirection().code(),
                            event.severity()));
        }
        List<Timeline.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < bucketCount; i++) {
            LocalDate start = first.plusMonths((long) i * size.months);
            long[] cell = totals.get(i);
            buckets.add(new Timeline.Bucket(
                    size.label(start),
                    start,
                    start.plusMonths(size.months).minusDays(1),
                    cell[0],
                    cell[1],
                    cell[2],
                    cell[3],
                    cell[4],
                    List.copyOf(marks.get(i))));
        }
        return new Timeline(name(size), from, to, buckets);
    }

    private static int index(LocalDate first, LocalDate start, BucketSize size) {
        return (int) (ChronoUnit.MONTHS.between(first, start) / size.months);
    }

    private static String name(BucketSize size) {
        return size.name().toLowerCase(Locale.ROOT);
    }

    private LocalDate[] dataRange() {
        LocalDate[] heists = incidents.dateRange();
        LocalDate min = heists[0];
        LocalDate max = heists[1];
        for (SanctionEvent event : sanctions.listAllOrdered()) {
            LocalDate date = event.inForceFrom();
            min = min == null || date.isBefore(min) ? date : min;
            max = max == null || date.isAfter(max) ? date : max;
        }
        return new LocalDate[] {min, max};
    }
}
