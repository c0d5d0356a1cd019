package io.sanctionsrisk.risk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a request's inputs in a canonical JSON form (map keys sorted), so the same inputs give the same
 * digest whatever the order of their fields on the wire.
 */
public final class InputsDigest {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private InputsDigest() {}

    public static String of(Object inputs) {
        try {
            return ofBytes(CANONICAL.writeValueAsBytes(inputs));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("inputs cannot be written as JSON", e);
        }
    }

    public static String ofBytes(byte[] bytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String ofText(String text) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
