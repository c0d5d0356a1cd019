package io.sanctionsrisk.gateway.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class BatchItemCounterTest {

    private static long count(String contentType, String... chunks) {
        BatchItemCounter counter = new BatchItemCounter(contentType);
        for (String chunk : chunks) {
            counter.feed(Buffer.buffer(chunk));
        }
        return counter.items();
    }

    @Test
    void countsNonBlankNdjsonLinesAcrossChunks() {
        assertEquals(3, count("application/x-ndjson", "{\"a\":1}\n\n  \n{\"a\"", ":2}\r\n{\"a\":3}"));
        assertEquals(2, count("application/x-ndjson; charset=utf-8", "{}\n{}\n"));
    }

    @Test
    void countsTopLevelArrayElementsNotNestedOnesOrCommasInStrings() {
        assertEquals(
                3,
                count(
                        "application/json",
                        "[{\"n\":\"a, b\",\"l\":[1,2,3]},",
                        " {\"n\":\"say \\\"x, y\\\"\"} , [4,5]]"));
        assertEquals(2, count("application/json", "[1,2,]"));
    }

    @Test
    void anythingElseCostsOne() {
        assertEquals(1, count("application/json", "[]"));
        assertEquals(1, count("application/json", "{\"items\":[1,2,3]}"));
        assertEquals(1, count("application/x-ndjson", ""));
        assertEquals(1, count(null, "not json, at all"));
    }
}
