package io.sanctionsrisk.sanctions.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sanctionsrisk.sanctions.csv.CsvLayout;
import io.sanctionsrisk.sanctions.sources.ListReader;
import io.sanctionsrisk.sanctions.sources.ListSource;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated files for every import format and both official lists: a reader either reads the file or refuses it
 * with a 4xx problem; no input makes it fail any other way (which the API would answer with a 500). Bounded
 * tries, fixed seeds, so a run is repeatable.
 */
class ImportReadersProperties {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final List<String> FIELDS = List.of(
            "key",
            "firstActionDate",
            "datePrecision",
            "actor",
            "attributionConfidence",
            "country",
            "region",
            "attemptedUsd",
            "realisedUsd",
            "destructive",
            "attributedOn",
            "name",
            "aliases",
            "measures",
            "type",
            "id",
            "objects",
            "relationship_type",
            "source_ref",
            "target_ref",
            "extensions",
            "first_seen");

    @Property(tries = 300, seed = "20261206")
    void jsonImportReadsOrRefusesWith4xx(@ForAll("json") String body) {
        readsOrRefuses(() -> JsonImportReader.read(stream(body), MAPPER));
    }

    @Property(tries = 300, seed = "20261207")
    void stixImportReadsOrRefusesWith4xx(@ForAll("stix") String body) {
        readsOrRefuses(() -> StixBundleReader.read(stream(body), MAPPER, StixDirectory.Lookup.EMPTY));
    }

    @Property(tries = 300, seed = "20261208")
    void csvImportReadsOrRefusesWith4xx(@ForAll("csv") String body) {
        readsOrRefuses(() -> {
            ImportBatch batch = CsvImportReader.newBatch();
            CsvImportReader.read(new StringReader(body), null, "", batch);
            return batch;
        });
    }

    @Property(tries = 300, seed = "20261209")
    void listLoadsReadOrRefuseWith4xx(@ForAll("xml") String body) {
        for (ListSource source : ListSource.values()) {
            readsOrRefuses(() -> ListReader.read(source, stream(body), 1 << 20));
        }
    }

    @Property(tries = 20, seed = "20261210")
    void deeplyNestedJsonIsA400(@ForAll("depth") int depth) {
        String body = "{\"incidents\":[" + "[".repeat(depth) + "]".repeat(depth) + "]}";
        readsOrRefuses(() -> JsonImportReader.read(stream(body), MAPPER));
        String stix = "{\"type\":\"bundle\",\"objects\":[{\"type\":\"incident\",\"id\":\"incident--1\",\"x\":"
                + "[".repeat(depth) + "]".repeat(depth) + "}]}";
        readsOrRefuses(() -> StixBundleReader.read(stream(stix), MAPPER, StixDirectory.Lookup.EMPTY));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(900, 5000);
    }

    @Provide
    Arbitrary<String> json() {
        return Combinators.combine(value(4), Arbitraries.of(true, false))
                .as((v, wrap) -> wrap ? "{\"incidents\":[" + v + "]}" : v)
                .edgeCases(config ->
                        config.add("").add("{").add("{\"incidents\":{}}").add("null"));
    }

    @Provide
    Arbitrary<String> stix() {
        Arbitrary<String> object = value(3).map(v -> v.startsWith("{") ? v : "{\"type\":\"incident\",\"x\":" + v + "}");
        return object.list()
                .ofMaxSize(6)
                .map(objects ->
                        "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + String.join(",", objects) + "]}");
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of(
                        "2016-02-04", "2016", "2016-13", "day", "month", "BD", "-5", "1e9", "true", "\"q\"\"x\"", "\""),
                Arbitraries.of(CsvLayout.INCIDENTS.columns()));
        Arbitrary<String> row = cell.list().ofMaxSize(22).map(cells -> String.join(",", cells));
        Arbitrary<String> header = Arbitraries.of(CsvLayout.values())
                .flatMap(layout -> Arbitraries.subsetOf(layout.columns()).map(set -> String.join(",", set)));
        return Combinators.combine(header, row.list().ofMaxSize(5)).as((h, rows) -> h + "\n" + String.join("\n", rows));
    }

    @Provide
    Arbitrary<String> xml() {
        Arbitrary<String> name = Arbitraries.of(
                "CONSOLIDATED_LIST",
                "INDIVIDUALS",
                "INDIVIDUAL",
                "ENTITY",
                "UN_LIST_TYPE",
                "REFERENCE_NUMBER",
                "LISTED_ON",
                "sdnList",
                "sdnEntry",
                "uid",
                "programList",
                "program",
                "publshInformation",
                "Publish_Date",
                "nationalityList",
                "nationality",
                "country");
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10),
                Arbitraries.of(
                        "DPRK",
                        "CYBER2",
                        "Korea, North",
                        "2024-03-28",
                        "03/01/2024",
                        "&lol;",
                        "<![CDATA[x]]>",
                        "&amp;"));
        Arbitrary<String> element = Combinators.combine(
                        name, text, Arbitraries.integers().between(0, 3))
                .as((n, t, repeat) -> ("<" + n + ">" + t).repeat(repeat + 1) + ("</" + n + ">").repeat(repeat + 1));
        Arbitrary<String> prolog = Arbitraries.of(
                "",
                "<?xml version=\"1.0\"?>",
                "<!DOCTYPE x [<!ENTITY lol \"lol\">]>",
                "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\">");
        return Combinators.combine(prolog, name, element.list().ofMaxSize(8))
                .as((p, root, children) -> p + "<" + root + ">" + String.join("", children) + "</" + root + ">");
    }

    /** A JSON value, arbitrary in shape and mostly well-formed, nested up to {@code depth} levels. */
    private Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings()
                        .ofMaxLength(8)
                        .map(s -> MAPPER.valueToTree(s).toString()),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of(
                        "true",
                        "false",
                        "null",
                        "1.5",
                        "\"2016-02-04\"",
                        "\"2016-13-45\"",
                        "-1",
                        "1e400",
                        "\"\\u0000\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> member =
                Combinators.combine(Arbitraries.of(FIELDS), value(depth - 1)).as((k, v) -> "\"" + k + "\":" + v);
        return Arbitraries.oneOf(
                scalar,
                member.list().ofMaxSize(5).map(m -> "{" + String.join(",", m) + "}"),
                value(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                Arbitraries.strings().ofMaxLength(6).map(s -> "{\"key\":" + s));
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static void readsOrRefuses(Read read) {
        try {
            read.run();
        } catch (ApiProblem problem) {
            int status = problem.type().status();
            assertTrue(status >= 400 && status < 500, "refused with " + status + ": " + problem.getMessage());
        } catch (Exception | StackOverflowError e) {
            fail("failed with " + e + " instead of reading or refusing the input", e);
        }
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
