package io.sanctionsrisk.cadence.curated;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frozen curated data (src/test/resources/curated/curated-marks.csv, generated from the sanctions-service seed by
 * cadence-model/scripts/curated_fixture.py): window 2015-01-01 .. 2025-11-30, model time in days from the start,
 * same-day heists spread at d + (i + 0.5) / k, a heist known from the middle of its known-from day (not before the
 * heist itself).
 */
public record CuratedFixture(
        List<String> sectors, List<String> regions, List<MarkedEvent> events, List<Sanction> sanctions, double end) {

    public static final LocalDate START = LocalDate.of(2015, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 11, 30);
    public static final Set<String> BANKS = Set.of("central-bank", "commercial-bank", "cooperative-bank");

    /** Sector groups of the severity model: banks, crypto businesses, the rest. */
    public static final Map<String, String> SECTOR_GROUPS = Map.of(
            "central-bank", "bank",
            "commercial-bank", "bank",
            "cooperative-bank", "bank",
            "crypto-exchange", "crypto",
            "defi-bridge", "crypto",
            "defi-protocol", "crypto",
            "crypto-wallet-provider", "crypto",
            "crypto-casino", "crypto");

    /** Every heist's time and every sanction, over the whole window. */
    public CadenceData cadenceData() {
        return CadenceData.of(
                end, events.stream().mapToDouble(MarkedEvent::time).toArray(), sanctions);
    }

    public static double day(LocalDate date) {
        return ChronoUnit.DAYS.between(START, date);
    }

    /** The fixture; {@code attributionDates} false makes every heist known from its own time. */
    public static CuratedFixture load(boolean attributionDates) {
        List<String> sectors = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        Map<LocalDate, List<String[]>> heists = new LinkedHashMap<>();
        List<Sanction> sanctions = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CuratedFixture.class.getResourceAsStream("/curated/curated-marks.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("kind,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                switch (f[0]) {
                    case "grid-sector" -> sectors.add(f[3]);
                    case "grid-region" -> regions.add(f[4]);
                    case "heist" ->
                        heists.computeIfAbsent(LocalDate.parse(f[1]), d -> new ArrayList<>())
                                .add(f);
                    case "sanction" ->
                        sanctions.add(new Sanction(day(LocalDate.parse(f[1])), Double.parseDouble(f[7])));
                    default -> throw new IllegalStateException("unknown row " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MarkedEvent> events = new ArrayList<>();
        for (Map.Entry<LocalDate, List<String[]>> e : heists.entrySet()) {
            List<String[]> sameDay = e.getValue();
            for (int i = 0; i < sameDay.size(); i++) {
                String[] f = sameDay.get(i);
                double t = day(e.getKey()) + (i + 0.5) / sameDay.size();
                double known = attributionDates ? Math.max(t, day(LocalDate.parse(f[2])) + 0.5) : t;
                Cell cell = f[4].isEmpty() ? null : new Cell(f[3], f[4]);
                events.add(new MarkedEvent(t, known, cell, amount(f[5]), amount(f[6])));
            }
        }
        events.sort((a, b) -> Double.compare(a.time(), b.time()));
        return new CuratedFixture(
                List.copyOf(sectors),
                List.copyOf(regions),
                List.copyOf(events),
                List.copyOf(sanctions),
                day(LAST_DAY) + 1);
    }

    private static double amount(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
