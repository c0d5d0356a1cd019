package io.sanctionsrisk.sanctions.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StixIdsTest {

    @Test
    void computesUuidVersion5AsRfc9562() {
        // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StixIds.uuid5(dns, "www.example.com"));
    }

    @Test
    void derivesTheSameIdFromTheSameKeyAndTypeOnly() {
        assertEquals(
                StixIds.of("incident", "2016-02-BANGLADESH-BANK"), StixIds.of("incident", "2016-02-BANGLADESH-BANK"));
        assertNotEquals(StixIds.of("incident", "A"), StixIds.of("intrusion-set", "A"));
        assertEquals(
                5,
                UUID.fromString(StixIds.of("incident", "A").substring("incident--".length()))
                        .version());
    }
}
