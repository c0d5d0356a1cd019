package io.sanctionsrisk.sanctions.sources;

import static io.sanctionsrisk.sanctions.sources.SourceLists.fixture;
import static io.sanctionsrisk.sanctions.sources.SourceLists.load;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/** Files a load refuses: a 4xx problem+json naming what is wrong, and nothing written anywhere. */
@QuarkusTest
class SourceBadInputTest {

    private static final String UN = "un-consolidated";

    @Test
    void refusesMalformedXml() {
        refused(
                UN,
                "<CONSOLIDATED_LIST dateGenerated=\"2024-03-01\"><INDIVIDUALS><INDIVIDUAL>",
                400,
                "malformed-body",
                containsString("not well-formed XML"));
        refused(UN, "", 400, "malformed-body", containsString("not well-formed XML"));
        refused(UN, "this is not XML", 400, "malformed-body", containsString("not well-formed XML"));
    }

    @Test
    void refusesAnExternalEntity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <CONSOLIDATED_LIST dateGenerated="2024-03-01"><INDIVIDUALS><INDIVIDUAL>
                <FIRST_NAME>&xxe;</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
                <REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER><LISTED_ON>2024-01-01</LISTED_ON>
                </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """;
        refused(UN, xxe, 400, "malformed-body", containsString("DTD"));
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            laughs.append(previous.repeat(10)).append("\">\n");
        }
        laughs.append(
                "]>\n<sdnList><publshInformation><Publish_Date>&lol9;</Publish_Date></publshInformation></sdnList>");
        refused("ofac-sdn", laughs.toString(), 400, "malformed-body", containsString("DTD"));
    }

    @Test
    void refusesAFileOverTheLimit() {
        String entry = "<ENTITY><FIRST_NAME>PADDING ENTITY</FIRST_NAME><UN_LIST_TYPE>Iraq</UN_LIST_TYPE>"
                + "<REFERENCE_NUMBER>IQe.000</REFERENCE_NUMBER><LISTED_ON>2004-04-07</LISTED_ON></ENTITY>\n";
        String big = "<CONSOLIDATED_LIST dateGenerated=\"2024-03-01\"><ENTITIES>\n" + entry.repeat(1000)
                + "</ENTITIES></CONSOLIDATED_LIST>";
        refused(UN, big, 413, "payload-too-large", containsString("at most 65536 bytes"));
    }

    @Test
    void refusesTheWrongListForTheSource() {
        refused(
                UN,
                new String(fixture("ofac-sdn-2024-03-01.xml"), StandardCharsets.UTF_8),
                400,
                "malformed-body",
                allOf(containsString("OFAC"), containsString("not the UN Security Council Consolidated List")));
        refused(
                "ofac-sdn",
                new String(fixture("un-consolidated-2024-03-01.xml"), StandardCharsets.UTF_8),
                400,
                "malformed-body",
                containsString("not the OFAC"));
        refused(UN, "<html><body>Service unavailable</body></html>", 400, "malformed-body", containsString("<html>"));
    }

    @Test
    void refusesAnUnknownSourceWith404() {
        refused("eu-consolidated", "<export/>", 404, "not-found", containsString("eu-consolidated"));
    }

    private static void refused(String source, String body, int status, String type, Matcher<String> detail) {
        SourceLists.Everything before = SourceLists.everything();
        load(source, body.getBytes(StandardCharsets.UTF_8), "steward")
                .statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + type))
                .body("detail", detail);
        assertEquals(before, SourceLists.everything(), "a refused file writes nothing");
    }
}
