package io.sanctionsrisk.risk.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Snapshots written before the stored documents had types of their own (format 1) hold the JSON of the API views
 * of that time. These documents, written out field for field as that code wrote them, must still be read, strictly:
 * renaming a field of a Stored* record makes this test fail instead of silently dropping stored data.
 */
class SnapshotDocumentFormatTest {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String ESTIMATES_V1 = """
            [{"name":"mu","estimate":0.0031,"standardError":0.0011,"lower95":0.0009,"upper95":0.0053,\
            "wellIdentified":true,"note":""},
             {"name":"beta","estimate":0.001,"standardError":null,"lower95":null,"upper95":null,\
            "wellIdentified":false,"note":"on its lower bound"}]""";

    private static final String PARAMETERS_V1 = """
            {"mu":0.0031,"kappa":0.25,"alpha":0.61,"beta":0.001,"delta":0.0104,"kernelShape":3,\
            "meanSanctionLagDays":288.5,"peakSanctionLagDays":192.3}""";

    private static final String DIAGNOSTICS_V1 = """
            {"logLikelihood":-237.72,"aic":485.45,"kernelShapeChosenByAic":true,
             "kernelShapes":[{"kernelShape":3,"logLikelihood":-237.72,"aic":485.45,"parameters":%s}],
             "comparisons":[{"model":"homogeneous-poisson","parameterCount":1,"logLikelihood":-242.3,"aic":486.6,\
            "aicMinusFullModel":1.15}],
             "likelihoodRatioTests":[{"nullModel":"hawkes-without-sanctions","alternativeModel":\
            "sanctions-excited-hawkes","statistic":6.5,"degreesOfFreedom":2,"pValue":0.039,"caveat":"boundary"}],
             "poissonRate":0.011,"hawkesWithoutSanctions":%s,
             "goodnessOfFit":{"gapCount":44,"ksStatistic":0.11,"ksPValue":0.62,"meanGap":1.0},
             "eventCount":44,"sanctionCount":28,"evaluations":5321,"converged":true,"hitTimeBudget":false}""".formatted(PARAMETERS_V1, PARAMETERS_V1);

    private static final String MARKS_V1 = """
            {"cells":{"prior":"symmetric Dirichlet","concentration":1.0,"credibleLevel":0.9,"heists":44,\
            "sectors":12,"regions":23,
              "observed":[{"sector":"crypto-exchange","region":"eastern-asia","heists":9,"share":0.2,\
            "lower":0.11,"upper":0.3}],
              "emptyCell":{"sector":null,"region":null,"heists":0,"share":0.001,"lower":0.0,"upper":0.004}},
             "attempted":{"observations":40,"positive":38,"zeros":2,"probabilityPositive":0.95,"logMean":17.9,\
            "logSd":1.6,"logMeanStandardError":0.26,"medianUsd":59000000,"meanUsd":213000000,"sufficient":true,\
            "note":""},
             "realised":null}""";

    private static final String DATASET_V1 = """
            {"windowStart":"2015-01-01","windowEnd":"2025-11-30","lengthDays":3987.0,"dataVersion":7,\
            "dataLastModified":"2025-12-01T00:00:00Z",
             "events":[{"key":"2016-02-BANGLADESH-BANK","date":"2016-02-04","datePrecision":"day","time":399.0,\
            "sector":"central-bank","region":"southern-asia","country":"BD","actor":"APT38",\
            "attributionConfidence":85,"attemptedUsd":951000000,"realisedUsd":81000000}],
             "sanctions":[],"excluded":[],"sectors":["central-bank"],"regions":["southern-asia"]}""";

    private static final String UNCERTAINTY = """
            {"method":"random-walk Metropolis","priors":"flat","seed":1,"markSeed":2,"chains":4,"burnIn":2000,\
            "thin":200,"acceptanceRate":0.25,"effectiveSampleSize":[100.0,null],"splitRhat":[1.01,null],
             "draws":[{"mu":0.0031,"kappa":0.25,"alpha":0.61,"beta":0.001,"delta":0.0104},\
            {"mu":0.0029,"kappa":0.3,"alpha":0.6,"beta":0.002,"delta":0.01}]}""";

    @Test
    void readsFormatOneDocumentsWrittenByThePreviousCode() {
        ModelSnapshot row = row(1);
        LoadedSnapshot loaded = store().decode(row);
        assertEquals(2, loaded.estimates().size());
        assertEquals("beta", loaded.estimates().get(1).name());
        assertNull(loaded.estimates().get(1).standardError());
        assertEquals(3, loaded.diagnostics().kernelShapes().get(0).parameters().kernelShape());
        assertEquals(0.039, loaded.diagnostics().likelihoodRatioTests().get(0).pValue());
        assertEquals(44, loaded.diagnostics().goodnessOfFit().gapCount());
        assertEquals(9, loaded.marks().cells().observed().get(0).heists());
        assertNull(loaded.marks().realised());
        assertEquals(213_000_000, loaded.marks().attempted().meanUsd());
        assertEquals(1, loaded.data().eventCount());
        // written before the draws were stored: none, and the served model holds the fit in every draw
        assertNull(loaded.uncertainty());
        assertTrue(loaded.parameterDraws().isEmpty());
    }

    @Test
    void readsFormatTwoDocumentsWithoutTheOptionalDrawsAndWithThem() {
        assertNull(store().decode(row(2)).uncertainty());
        ModelSnapshot row = row(2, UNCERTAINTY);
        LoadedSnapshot loaded = store().decode(row);
        assertEquals(2, loaded.uncertainty().draws().size());
        assertEquals(3, loaded.parameterDraws().get(1).shape());
        assertEquals(0.0029, loaded.parameterDraws().get(1).mu());
    }

    @Test
    void newRowsCarryTheCurrentFormat() {
        assertEquals(
                SnapshotStore.DOCUMENT_FORMAT,
                row(SnapshotStore.DOCUMENT_FORMAT).getDocumentFormat());
    }

    @Test
    void refusesAFormatItDoesNotKnowWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store().decode(row(99)));
        assertTrue(e.getMessage().contains("document format 99"), e.getMessage());
    }

    private static SnapshotStore store() {
        return new SnapshotStore(null, new SnapshotCodec(STRICT), null);
    }

    private static ModelSnapshot row(int format) {
        return row(format, null);
    }

    private static ModelSnapshot row(int format, String uncertainty) {
        ModelSnapshot row = new ModelSnapshot(new ModelSnapshot.Values(
                Instant.parse("2025-12-01T00:00:00Z"),
                "cadence-1",
                "risk-service test",
                7,
                Instant.parse("2025-12-01T00:00:00Z"),
                "digest",
                "request",
                null,
                null,
                1000,
                LocalDate.of(2015, 1, 1),
                LocalDate.of(2025, 11, 30),
                1,
                0,
                3,
                0.0031,
                0.25,
                0.61,
                0.001,
                0.0104,
                -237.72,
                485.45,
                true,
                false,
                ESTIMATES_V1,
                DIAGNOSTICS_V1,
                MARKS_V1,
                DATASET_V1,
                uncertainty));
        row.setDocumentFormat(format);
        return row;
    }
}
