package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.dates.DatedDataset;
import io.sanctionsrisk.cadence.dates.DatedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the sanctions-service's seed CSV files and turns them into the model's input by the risk-service's
 * dataset rules (every incident, window from 1 January of the first incident's year to the last day of the
 * month of the latest dated record, month or year precision dated at the middle day, weight = severity for
 * tightening measures and 0 for easing ones, severity = the override or the rubric's derived level). Used only
 * to write and check the frozen fixture {@link CuratedData} reads.
 */
final class CuratedSeed {

    /** Rubric levels of the sanctions-service's measures. */
    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("arms-embargo", 2),
            Map.entry("asset-freeze", 3),
            Map.entry("travel-ban", 1),
            Map.entry("banking-restriction", 4),
            Map.entry("bulk-cash-ban", 4),
            Map.entry("trade-embargo", 4),
            Map.entry("secondary-sanctions", 5),
            Map.entry("money-laundering-concern", 3),
            Map.entry("cyber-actor-designation", 2),
            Map.entry("crypto-mixer-designation", 2),
            Map.entry("criminal-charges", 1),
            Map.entry("enforcement-weakened", 2));

    private CuratedSeed() {}

    /** The fixture text generated from the seed directory. */
    static String generate(Path seedDirectory, String command) throws IOException {
        List<Map<String, String>> incidents = Csv.read(seedDirectory.resolve("incidents.csv"));
        List<Map<String, String>> sanctions = Csv.read(seedDirectory.resolve("sanctions.csv"));
        LocalDate first = null;
        LocalDate latest = null;
        for (Map<String, String> r : incidents) {
            LocalDate d = LocalDate.parse(r.get("first_action_date"));
            first = first == null || d.isBefore(first) ? d : first;
            latest = latest == null || d.isAfter(latest) ? d : latest;
        }
        for (Map<String, String> r : sanctions) {
            LocalDate d = actingDate(r);
            latest = d.isAfter(latest) ? d : latest;
        }
        LocalDate start = first.withDayOfYear(1);
        LocalDate end = latest.withDayOfMonth(latest.lengthOfMonth());
        List<DatedEvent> events = new ArrayList<>();
        for (Map<String, String> r : incidents) {
            events.add(new DatedEvent(representativeDate(r), r.get("key")));
        }
        DatedDataset placed = DatedDataset.build(start, end, events, List.of());
        StringBuilder out = new StringBuilder();
        out.append("# generated from sanctions-service/src/main/resources/seed/{incidents,sanctions}.csv by ")
                .append(command)
                .append('\n');
        out.append("# window <start> <end inclusive> <T days>; event <time> <key>; sanction <time> <weight> <key>\n");
        out.append("window ")
                .append(start)
                .append(' ')
                .append(end)
                .append(' ')
                .append(placed.data().windowEnd())
                .append('\n');
        double[] times = placed.data().eventTimes();
        for (int i = 0; i < times.length; i++) {
            out.append("event ")
                    .append(times[i])
                    .append(' ')
                    .append(placed.eventKeys().get(i))
                    .append('\n');
        }
        for (Map<String, String> r : sanctions) {
            LocalDate acting = actingDate(r);
            if (acting.isAfter(end)) {
                continue;
            }
            boolean easing = "easing".equals(r.get("direction"));
            double weight = easing ? 0 : severity(r);
            out.append("sanction ")
                    .append((double) placed.timeOf(acting))
                    .append(' ')
                    .append(weight)
                    .append(' ')
                    .append(r.get("key"))
                    .append('\n');
        }
        return out.toString();
    }

    private static LocalDate actingDate(Map<String, String> r) {
        String effective = r.get("effective_date");
        return LocalDate.parse(effective == null || effective.isBlank() ? r.get("announced_date") : effective);
    }

    private static LocalDate representativeDate(Map<String, String> r) {
        LocalDate date = LocalDate.parse(r.get("first_action_date"));
        return switch (r.get("date_precision").trim().toLowerCase(Locale.ROOT)) {
            case "month" -> date.withDayOfMonth(1).plusDays((date.lengthOfMonth() - 1) / 2);
            case "year" -> date.withDayOfYear(1).plusDays((date.lengthOfYear() - 1) / 2);
            default -> date;
        };
    }

    private static int severity(Map<String, String> r) {
        String override = r.get("severity_override");
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.trim());
        }
        int highest = 1;
        int financial = 0;
        for (String code : r.get("measures").split(";")) {
            int level = LEVELS.get(code.trim());
            highest = Math.max(highest, level);
            financial += level >= 3 ? 1 : 0;
        }
        return Math.min(5, highest + (financial >= 3 ? 1 : 0));
    }

    /** RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside quotes. */
    static final class Csv {

        private Csv() {}

        static List<Map<String, String>> read(Path file) throws IOException {
            List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            List<Map<String, String>> out = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                Map<String, String> record = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    record.put(header.get(c), c < row.size() ? row.get(c) : "");
                }
                out.add(record);
            }
            return out;
        }

        private static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    if (!(row.size() == 1 && row.get(0).isEmpty())) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
