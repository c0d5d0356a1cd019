package io.sanctionsrisk.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sanctionsrisk.gateway.web.RequestIds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsWellFormedIdsAndReplacesTheRest() {
        assertEquals("abc-123_x.y:z", RequestIds.acceptOrGenerate("abc-123_x.y:z"));
        String longest = "a".repeat(128);
        assertEquals(longest, RequestIds.acceptOrGenerate(longest));
        for (String bad : Arrays.asList(null, "", "a".repeat(129), "a b", "a\r\nb", "-a", "é", "a/b")) {
            String replaced = RequestIds.acceptOrGenerate(bad);
            assertNotEquals(bad, replaced);
            assertEquals(36, replaced.length());
        }
    }

    @Test
    void accessLogPathsStayOnOneLine() {
        assertEquals("/api/v1/a?b", GatewayFilter.printable("/api/v1/a\nb"));
        assertEquals(259, GatewayFilter.printable("/" + "x".repeat(400)).length());
    }
}
