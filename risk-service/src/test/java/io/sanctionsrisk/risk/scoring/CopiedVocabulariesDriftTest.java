package io.sanctionsrisk.risk.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The risk-service carries build-time copies of two sanctions-service rules: the taxonomy (generated into
 * taxonomy.tsv by generate-taxonomy.py) and the measure-severity rubric (scenario.MeasureRubric). These tests fail
 * as soon as either drifts from the sanctions-service's own sources; the message says how to regenerate.
 */
class CopiedVocabulariesDriftTest {

    private static final Path SEED = Path.of(System.getProperty("sanctions.seed.dir"));
    private static final Path RUBRIC = Path.of(System.getProperty("sanctions.rubric.source"));

    @Test
    void taxonomyFileEqualsWhatTheSeedGenerates() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> r : csv("sectors.csv")) {
            expected.add(String.join("\t", "sector", r.get("code"), r.get("name"), ""));
        }
        for (Map<String, String> r : csv("regions.csv")) {
            expected.add(String.join("\t", "region", r.get("code"), r.get("name"), r.get("parent_code")));
        }
        for (Map<String, String> r : csv("countries.csv")) {
            expected.add(String.join("\t", "country", r.get("alpha2"), r.get("name"), r.get("region_code")));
        }
        List<String> actual = new ArrayList<>();
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(Taxonomy.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    actual.add(line);
                }
            }
        }
        assertEquals(
                expected,
                actual,
                "taxonomy.tsv is out of date: run python3 risk-service/generate-taxonomy.py from the repository top");
    }

    @Test
    void measureRubricConstantsEqualTheSanctionsServiceRubric() throws IOException {
        String source = Files.readString(RUBRIC);
        for (String constant : List.of("MIN", "MAX", "FINANCIAL_LEVEL", "COMBINED_FINANCIAL_MEASURES")) {
            Matcher m = Pattern.compile("int " + constant + " = (\\d+);").matcher(source);
            if (!m.find()) {
                throw new AssertionError("the sanctions-service's SeverityRubric no longer declares " + constant
                        + "; bring scenario.MeasureRubric in step with it");
            }
            assertEquals(
                    Integer.parseInt(m.group(1)),
                    rubricConstant(constant),
                    constant + " differs from the sanctions-service's SeverityRubric");
        }
    }

    private static int rubricConstant(String name) {
        try {
            var field = Class.forName("io.sanctionsrisk.risk.scenario.MeasureRubric")
                    .getDeclaredField(name);
            field.setAccessible(true);
            return field.getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("scenario.MeasureRubric has no constant " + name, e);
        }
    }

    /** The seed CSV files: a header row, fields quoted with doubled quotes, no line breaks inside fields. */
    private static List<Map<String, String>> csv(String name) throws IOException {
        List<String> lines = Files.readAllLines(SEED.resolve(name), StandardCharsets.UTF_8);
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> values = fields(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < values.size() ? values.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
