package io.sanctionsrisk.sanctions.csv;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.web.Violation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts between CSV rows and the data records, in the layouts of {@link CsvLayout}. Reading collects a
 * violation per unreadable value (naming the column) instead of stopping at the first.
 */
public final class CsvRecords {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private CsvRecords() {}

    /** Reads the values of one row; {@code violations} receives a violation per unreadable value. */
    public static final class RowReader {

        private final Map<String, Integer> columns;
        private final List<String> fields;
        private final List<Violation> violations = new ArrayList<>();

        public RowReader(Map<String, Integer> columns, List<String> fields) {
            this.columns = columns;
            this.fields = fields;
        }

        public List<Violation> violations() {
            return violations;
        }

        /** The column's value, or null when it is empty or the file has no such (optional) column. */
        String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String value = fields.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        List<String> list(String column) {
            String value = text(column);
            return value == null ? List.of() : Arrays.asList(value.split(CsvLayout.LIST_SEPARATOR, -1));
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                violations.add(Violation.of(column, "'" + value + "' is not an ISO date (yyyy-mm-dd)"));
                return null;
            }
        }

        Long whole(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                violations.add(Violation.of(column, "'" + value + "' is not a whole number"));
                return null;
            }
        }

        Integer integer(String column) {
            Long value = whole(column);
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                violations.add(Violation.of(column, "'" + value + "' is out of range"));
                return null;
            }
            return value.intValue();
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    violations.add(Violation.of(column, "'" + value + "' is not true or false"));
                    yield null;
                }
            };
        }
    }

    public static ActorData actor(RowReader row) {
        return new ActorData(
                row.text("key"),
                row.text("name"),
                row.list("aliases"),
                row.text("description"),
                row.text("source"),
                row.text("source_url"),
                null);
    }

    public static SanctionData sanction(RowReader row) {
        return new SanctionData(
                row.text("key"),
                row.text("authority"),
                row.text("title"),
                row.text("target_jurisdiction"),
                row.date("announced_date"),
                row.date("effective_date"),
                row.list("measures"),
                row.text("direction"),
                row.integer("severity_override"),
                row.text("severity_override_reason"),
                row.text("note"),
                row.text("source"),
                row.text("source_url"),
                null);
    }

    /**
     * An incident row. The first-action date may also be written with reduced precision ("2016-02", "2016");
     * the precision then follows from it when the column is empty, and must agree with it otherwise.
     */
    public static IncidentData incident(RowReader row) {
        String precision = row.text("date_precision");
        LocalDate firstAction = null;
        String date = row.text("first_action_date");
        if (date != null && YEAR.matcher(date).matches()) {
            firstAction = LocalDate.of(Integer.parseInt(date), 1, 1);
            precision = agree(row, precision, "year", date);
        } else if (date != null && YEAR_MONTH.matcher(date).matches()) {
            try {
                firstAction = YearMonth.parse(date).atDay(1);
                precision = agree(row, precision, "month", date);
            } catch (DateTimeParseException e) {
                row.violations.add(Violation.of("first_action_date", "'" + date + "' is not an ISO date"));
            }
        } else {
            firstAction = row.date("first_action_date");
        }
        return new IncidentData(
                row.text("key"),
                firstAction,
                precision,
                row.date("intrusion_start_date"),
                row.text("actor"),
                row.integer("attribution_confidence"),
                row.text("victim"),
                row.text("sector"),
                row.text("country"),
                row.text("vector"),
                row.whole("attempted_usd"),
                row.whole("realised_usd"),
                row.bool("destructive"),
                row.text("note"),
                row.text("source"),
                row.text("source_url"),
                row.date("attributed_on"),
                row.text("attributed_by"),
                row.date("reported_on"),
                row.text("region"),
                null);
    }

    private static String agree(RowReader row, String precision, String implied, String date) {
        if (precision != null && !precision.equals(implied) && !(implied.equals("month") && precision.equals("year"))) {
            row.violations.add(
                    Violation.of("date_precision", "'" + precision + "' is finer than the date '" + date + "' allows"));
        }
        return precision == null ? implied : precision;
    }

    public static List<String> row(ActorData actor) {
        return Arrays.asList(
                actor.key(),
                actor.name(),
                String.join(CsvLayout.LIST_SEPARATOR, actor.aliases()),
                actor.description(),
                actor.source(),
                actor.sourceUrl());
    }

    public static List<String> row(SanctionData sanction) {
        return Arrays.asList(
                sanction.key(),
                sanction.authority(),
                sanction.title(),
                sanction.targetJurisdiction(),
                text(sanction.announcedDate()),
                text(sanction.effectiveDate()),
                String.join(CsvLayout.LIST_SEPARATOR, sanction.measures()),
                sanction.direction(),
                text(sanction.severityOverride()),
                sanction.severityOverrideReason(),
                sanction.note(),
                sanction.source(),
                sanction.sourceUrl());
    }

    public static List<String> row(IncidentData incident) {
        return Arrays.asList(
                incident.key(),
                text(incident.firstActionDate()),
                incident.datePrecision(),
                text(incident.intrusionStartDate()),
                incident.actor(),
                text(incident.attributionConfidence()),
                incident.victim(),
                incident.sector(),
                incident.country(),
                incident.vector(),
                text(incident.attemptedUsd()),
                text(incident.realisedUsd()),
                text(incident.destructive()),
                incident.note(),
                incident.source(),
                incident.sourceUrl(),
                text(incident.attributedOn()),
                incident.attributedBy(),
                text(incident.reportedOn()),
                incident.region());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
