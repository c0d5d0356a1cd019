package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The curated data as the frozen fixture {@code curated/cadence-data.txt} holds them (see CuratedFixtureTest). */
final class CuratedData {

    static final String RESOURCE = "curated/cadence-data.txt";

    private CuratedData() {}

    static String text() {
        try (InputStream in = CuratedData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CadenceData load() {
        double T = Double.NaN;
        List<Double> events = new ArrayList<>();
        List<Sanction> sanctions = new ArrayList<>();
        for (String line : text().split("\n")) {
            String[] f = line.trim().split(" ");
            switch (f[0]) {
                case "window" -> T = Double.parseDouble(f[3]);
                case "event" -> events.add(Double.parseDouble(f[1]));
                case "sanction" -> sanctions.add(new Sanction(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                default -> {}
            }
        }
        return CadenceData.of(
                T, events.stream().mapToDouble(Double::doubleValue).toArray(), sanctions);
    }
}
