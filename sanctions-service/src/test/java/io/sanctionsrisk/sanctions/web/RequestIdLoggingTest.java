package io.sanctionsrisk.sanctions.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The request id is on every log line written while a request is served, and in the answer. */
@QuarkusTest
class RequestIdLoggingTest {

    @Test
    void theGatewaysRequestIdIsInTheLogLinesOfTheRequest() {
        String id = "req-" + UUID.randomUUID();
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String key = Api.key("INC");
            String csv = "key,first_action_date,date_precision,intrusion_start_date,actor,attribution_confidence,"
                    + "victim,sector,country,vector,attempted_usd,realised_usd,destructive,note,source,source_url\n"
                    + key + ",2016-02-04,day,,,,Request id bank,central-bank,BD,swift-fraud,10,5,false,,,\n";
            Api.steward()
                    .header(RequestIdLogging.HEADER, id)
                    .contentType("text/csv")
                    .body(csv)
                    .post("/api/v1/imports")
                    .then()
                    .statusCode(200)
                    .header(RequestIdLogging.HEADER, equalTo(id));
        } finally {
            root.removeHandler(capture);
        }
        List<ExtLogRecord> importLines = records.stream()
                .filter(r -> r.getLoggerName().startsWith("io.sanctionsrisk.sanctions.importing"))
                .toList();
        assertFalse(importLines.isEmpty(), "the import logged nothing");
        assertTrue(importLines.stream().allMatch(r -> id.equals(r.getMdc("requestId"))), "a line without the id");
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplaced() {
        Api.as("viewer")
                .header(RequestIdLogging.HEADER, "bad id\u0007with spaces")
                .get("/api/v1/data-version")
                .then()
                .statusCode(200)
                .header(RequestIdLogging.HEADER, matchesPattern("[0-9a-f-]{36}"));
        Api.as("viewer")
                .get("/api/v1/data-version")
                .then()
                .statusCode(200)
                .header(RequestIdLogging.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }
}
