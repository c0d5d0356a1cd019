package io.sanctionsrisk.risk.portfolio;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.refit.RefitService;
import io.sanctionsrisk.risk.snapshot.Refits;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How long a 100,000-institution portfolio takes to be re-scored after a refit: from the moment the refit has stored
 * the new snapshot (and announced it) to the moment the portfolio's scoring on it is committed, measured by polling
 * the database every 10 ms. A measurement, not a test of a time limit: it is not part of the normal test run (the
 * name matches no surefire pattern). Run it with
 *
 * <pre>
 * ./mvnw -pl cadence-model,e2e/test-support,risk-service test -Dtest=PortfolioRescoreBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.lint.skip=true
 * </pre>
 *
 * The figures go to standard output and to {@code risk-service/target/portfolio-rescore-benchmark.md}.
 */
@QuarkusTest
class PortfolioRescoreBenchmark {

    static final int INSTITUTIONS = 100_000;
    static final int REFITS = 5;
    private static final String[] SECTORS = {"central-bank", "commercial-bank", "crypto-exchange", "defi-bridge"};
    private static final String[] COUNTRIES = {"JP", "IN", "VN", "KR", "BD", "PH", "CN", "ID", "PK", "TH"};
    private static final String[] SWIFT = {"", "none", "indirect", "direct"};
    private static final String[] CONTROLS = {"", "advanced", "intermediate", "basic"};

    private final SnapshotFixtures fixtures;
    private final RefitService refits;
    private final ScoringStore store;

    PortfolioRescoreBenchmark(SnapshotFixtures fixtures, RefitService refits, ScoringStore store) {
        this.fixtures = fixtures;
        this.refits = refits;
        this.store = store;
    }

    @Test
    void rescoresAHundredThousandInstitutionsAfterARefit() throws Exception {
        fixtures.simulated();
        String id = PortfolioResourceTest.createdPortfolio("bank-risk-engine", Map.of("thresholds", List.of(50)));
        StringBuilder csv = new StringBuilder("institutionId,sector,country,swiftConnectivity,controlMaturity\n");
        for (int i = 0; i < INSTITUTIONS; i++) {
            csv.append("inst-")
                    .append(i)
                    .append(',')
                    .append(SECTORS[i % SECTORS.length])
                    .append(',')
                    .append(COUNTRIES[(i / 7) % COUNTRIES.length])
                    .append(',')
                    .append(SWIFT[(i / 3) % SWIFT.length])
                    .append(',')
                    .append(CONTROLS[(i / 11) % CONTROLS.length])
                    .append('\n');
        }
        long uploadStarted = System.nanoTime();
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions")
                .then()
                .statusCode(200);
        double uploadMillis = (System.nanoTime() - uploadStarted) / 1e6;

        List<double[]> runs = new ArrayList<>();
        for (int k = 0; k < REFITS; k++) {
            Refits.Result result = refits.fitAndStore(variant(k), "request", "benchmark", 120_000);
            long stored = System.nanoTime();
            long snapshotId = result.snapshot().id();
            Optional<ScoringStore.ScoringRow> scoring;
            while ((scoring = store.latestScoring(id)).isEmpty()
                    || scoring.get().snapshotId() != snapshotId) {
                Thread.sleep(10);
            }
            double total = (System.nanoTime() - stored) / 1e6;
            assertEquals(INSTITUTIONS, scoring.get().institutionCount());
            runs.add(new double[] {
                snapshotId, total, scoring.get().durationMillis(), scoring.get().bandChanges()
            });
        }

        StringBuilder report = new StringBuilder();
        report.append("upload of ")
                .append(INSTITUTIONS)
                .append(" institutions as CSV (parse, check, store, score): ")
                .append(String.format("%.0f ms%n%n", uploadMillis));
        report.append("| refit | snapshot | stored -> re-scoring committed (ms) | read + score + compare (ms) | band"
                + " changes |\n| --- | --- | --- | --- | --- |\n");
        for (int k = 0; k < runs.size(); k++) {
            double[] r = runs.get(k);
            report.append(String.format("| %d | %d | %.0f | %.0f | %.0f |%n", k + 1, (long) r[0], r[1], r[2], r[3]));
        }
        System.out.println(report);
        write(report.toString());
    }

    /** The simulated data with every n-th heist moved to another cell, a different n per refit: a new fit each time. */
    private static ModelDataset variant(int k) {
        ModelDataset d = SnapshotFixtures.simulatedDataset();
        List<DatasetEvent> events = new ArrayList<>();
        int n = 3 + k;
        for (int i = 0; i < d.events().size(); i++) {
            DatasetEvent e = d.events().get(i);
            events.add(
                    i % n != 0
                            ? e
                            : new DatasetEvent(
                                    e.key(),
                                    e.date(),
                                    e.datePrecision(),
                                    e.time(),
                                    SECTORS[(i + k) % SECTORS.length],
                                    d.regions().get((i / n + k) % d.regions().size()),
                                    e.country(),
                                    e.actor(),
                                    e.attributionConfidence(),
                                    e.attemptedUsd(),
                                    e.realisedUsd(),
                                    e.attributedOn()));
        }
        return new ModelDataset(
                d.windowStart(),
                d.windowEnd(),
                d.lengthDays(),
                d.dataVersion() + 10 + k,
                d.dataLastModified(),
                events,
                d.sanctions(),
                d.excluded(),
                d.sectors(),
                d.regions());
    }

    private static void write(String report) throws IOException {
        Path out = Path.of(System.getProperty("curated.fit.output.dir", "target"), "portfolio-rescore-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
