package io.sanctionsrisk.sanctions.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official-list benchmark of BENCHMARKS.md, not a test: it asserts nothing about time. Run with
 * {@code ./mvnw -pl sanctions-service -am verify -Pbench -Dtest=OfacSdnBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Generates two OFAC SDN XML files of 18,000 entries each, shaped as
 * sdn.xml (akas, addresses, nationalities, dates of birth; about 4% DPRK-related), the second with DPRK-related
 * designations added and removed (the counts are in the report), then times reading both (StAX, digest) and diffing them: the work of a load before it writes.
 * Figures go to stdout and to {@code target/benchmark/ofac-sdn.md}.
 */
@Tag("benchmark")
class OfacSdnBenchmark {

    static final int ENTRIES = 18_000;
    static final int WARM_UP = 3;
    static final int SAMPLES = 11;
    private static final String[] PROGRAMS = {
        "SDGT", "SDNTK", "IRAN", "RUSSIA-EO14024", "UKRAINE-EO13662", "CYBER2", "DPRK3", "DPRK4", "GLOMAG", "IFSR"
    };

    @Test
    void readsAndDiffsAFullSizeSdnFile() throws IOException {
        byte[] before = sdn(ENTRIES, 0, "03/01/2024");
        byte[] after = sdn(ENTRIES, 1, "04/15/2024");
        long[] nanos = new long[SAMPLES];
        int[] counts = new int[3];
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            long start = System.nanoTime();
            ListReader.Read old = ListReader.read(ListSource.OFAC_SDN, new ByteArrayInputStream(before), 1L << 30);
            ListReader.Read now = ListReader.read(ListSource.OFAC_SDN, new ByteArrayInputStream(after), 1L << 30);
            SourceLoadService.Diff diff = SourceLoadService.Diff.of(
                    old.file().dprkEntries(), now.file().dprkEntries());
            long took = System.nanoTime() - start;
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
            counts[0] = now.file().totalEntries();
            counts[1] = diff.added().size();
            counts[2] = diff.removed().size();
        }
        Arrays.sort(nanos);
        String report = String.format(
                Locale.ROOT,
                "## OFAC SDN load: parse and diff%n%n"
                        + "Two generated sdn.xml files of %,d entries (%.1f MB and %.1f MB), read with StAX (DTDs off,"
                        + " SHA-256 of the bytes) and diffed on their DPRK-related entries (%d added, %d removed);"
                        + " %d runs after %d warm-up runs, %d cores.%n%n"
                        + "| measure | ms |%n| --- | --- |%n| median (both files + diff) | %.0f |%n| fastest | %.0f |%n"
                        + "| slowest | %.0f |%n| median per file | %.0f |%n",
                counts[0],
                before.length / 1e6,
                after.length / 1e6,
                counts[1],
                counts[2],
                SAMPLES,
                WARM_UP,
                Runtime.getRuntime().availableProcessors(),
                nanos[SAMPLES / 2] / 1e6,
                nanos[0] / 1e6,
                nanos[SAMPLES - 1] / 1e6,
                nanos[SAMPLES / 2] / 2e6);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "ofac-sdn.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** An sdn.xml of {@code entries} entries; variant 1 drops some DPRK-related entries and adds 60 new ones. */
    static byte[] sdn(int entries, int variant, String published) {
        StringBuilder xml = new StringBuilder(entries * 900);
        xml.append(
                "<?xml version=\"1.0\" standalone=\"yes\"?>\n<sdnList xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\">\n");
        xml.append("  <publshInformation>\n    <Publish_Date>")
                .append(published)
                .append("</Publish_Date>\n    <Record_Count>")
                .append(entries)
                .append("</Record_Count>\n  </publshInformation>\n");
        List<Integer> uids = new ArrayList<>();
        for (int uid = 10_000; uids.size() < entries; uid++) {
            boolean dprk = uid % 25 == 0;
            if (variant == 1 && dprk && uid % 2 == 0 && uid % 4 == 0 && uids.size() % 9 == 0) {
                continue;
            }
            uids.add(uid);
        }
        if (variant == 1) {
            for (int i = 0; i < 60; i++) {
                uids.set(uids.size() - 1 - i * 7, 900_000 + i * 25);
            }
        }
        for (int uid : uids) {
            // Each entry's content follows from its uid alone, so an entry reads the same in both files.
            Random random = new Random(uid);
            boolean dprk = uid % 25 == 0;
            String program =
                    dprk ? (uid % 50 == 0 ? "DPRK3" : "DPRK-NKSPEA") : PROGRAMS[random.nextInt(PROGRAMS.length)];
            boolean individual = random.nextBoolean();
            xml.append("  <sdnEntry>\n    <uid>").append(uid).append("</uid>\n");
            if (individual) {
                xml.append("    <firstName>Given").append(random.nextInt(9000)).append("</firstName>\n");
            }
            xml.append("    <lastName>GENERATED NAME ")
                    .append(uid)
                    .append("</lastName>\n    <sdnType>")
                    .append(individual ? "Individual" : "Entity")
                    .append("</sdnType>\n    <programList>\n      <program>")
                    .append(program)
                    .append("</program>\n    </programList>\n");
            xml.append("    <akaList>\n");
            for (int a = 0; a < 1 + random.nextInt(3); a++) {
                xml.append("      <aka>\n        <uid>")
                        .append(uid * 10 + a)
                        .append("</uid>\n        <type>a.k.a.</type>\n"
                                + "        <category>strong</category>\n        <lastName>ALIAS ")
                        .append(a)
                        .append(' ')
                        .append(uid)
                        .append("</lastName>\n      </aka>\n");
            }
            xml.append("    </akaList>\n    <addressList>\n      <address>\n        <uid>")
                    .append(uid * 10 + 5)
                    .append("</uid>\n        <city>City ")
                    .append(random.nextInt(500))
                    .append("</city>\n        <country>")
                    .append(dprk ? "Korea, North" : "Country " + random.nextInt(150))
                    .append("</country>\n      </address>\n" + "    </addressList>\n");
            if (individual) {
                xml.append("    <nationalityList>\n      <nationality>\n        <uid>")
                        .append(uid * 10 + 6)
                        .append("</uid>\n        <country>")
                        .append(dprk ? "Korea, North" : "Country " + random.nextInt(150))
                        .append(
                                "</country>\n        <mainEntry>true</mainEntry>\n      </nationality>\n    </nationalityList>\n"
                                        + "    <dateOfBirthList>\n      <dateOfBirthItem>\n        <uid>")
                        .append(uid * 10 + 7)
                        .append("</uid>\n        <dateOfBirth>")
                        .append(1950 + random.nextInt(50))
                        .append(
                                "</dateOfBirth>\n        <mainEntry>true</mainEntry>\n      </dateOfBirthItem>\n    </dateOfBirthList>\n");
            }
            xml.append("  </sdnEntry>\n");
        }
        xml.append("</sdnList>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
