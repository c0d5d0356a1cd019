package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.AttackVector;
import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.Keys;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of the incident list: base64url (unpadded) of
 * {@code 1|<sort>|<filters>|<value>|<key>|<check>}, where {@code sort} is the order's name, {@code filters} a
 * digest of the filters, {@code value} the last row's sort value (ISO date or whole USD; empty for a null amount
 * and for the key order), {@code key} its natural key and {@code check} a digest of all that. A cursor only
 * continues the sort and filters it was issued for. The check catches edits and truncation; it is not a secret:
 * a forged cursor could only name a place in a list its holder may read anyway.
 */
public final class IncidentCursor {

    static final String VERSION = "1";
    static final int MAX_LENGTH = 512;
    private static final Pattern KEY = Pattern.compile(Keys.PATTERN);
    private static final String PARAMETER = "cursor";

    private IncidentCursor() {}

    /** The cursor that continues after {@code last}. */
    public static String after(Incident last, IncidentRepository.Order order, IncidentRepository.Filter filter) {
        Object value = order.byKey() ? null : order.valueOf(last);
        String payload = String.join(
                "|", VERSION, order.name(), filters(filter), value == null ? "" : value.toString(), last.getKey());
        String text = payload + "|" + digest(payload, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The place a cursor names, checked against the order and filters of the request.
     *
     * @throws ApiProblem a 400 naming {@code cursor} when it is malformed, altered, or issued for another sort or
     *     other filters
     */
    public static IncidentRepository.Position read(
            String cursor, IncidentRepository.Order order, IncidentRepository.Filter filter) {
        String text = decode(cursor);
        List<String> parts = List.of(text.split("\\|", -1));
        if (parts.size() != 6) {
            throw invalid("is not a cursor of this list");
        }
        String payload = String.join("|", parts.subList(0, 5));
        if (!MessageDigest.isEqual(
                digest(payload, 16).getBytes(StandardCharsets.US_ASCII),
                parts.get(5).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("has been altered or truncated; use the nextCursor of a list answer as it is");
        }
        if (!VERSION.equals(parts.get(0))) {
            throw invalid("is of an unknown format; start again from the first page");
        }
        if (!order.name().equals(parts.get(1))) {
            throw invalid("was issued for sort '" + parts.get(1) + "', not '" + order.name()
                    + "'; a cursor continues the sort it came from");
        }
        if (!filters(filter).equals(parts.get(2))) {
            throw invalid("was issued for other filters; send the same filters as the page it came from");
        }
        String key = parts.get(4);
        if (key.length() > Keys.MAX_LENGTH || !KEY.matcher(key).matches()) {
            throw invalid("names no valid key");
        }
        return new IncidentRepository.Position(value(order, parts.get(3)), key);
    }

    private static Object value(IncidentRepository.Order order, String text) {
        if (order.byKey()) {
            if (!text.isEmpty()) {
                throw invalid("carries a value the key order does not have");
            }
            return null;
        }
        if (text.isEmpty()) {
            if (!order.nullable()) {
                throw invalid("carries no " + order.field());
            }
            return null;
        }
        try {
            if (order.field().equals("firstActionDate")) {
                return LocalDate.parse(text);
            }
            long amount = Long.parseLong(text);
            if (amount < 0) {
                throw invalid("carries a negative amount");
            }
            return amount;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid("carries an unreadable " + order.field());
        }
    }

    private static String decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("is longer than any cursor this service issues");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("is not base64url");
        }
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                throw invalid("is not a cursor of this list");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A digest of the filters, in a canonical form (countries sorted). */
    private static String filters(IncidentRepository.Filter filter) {
        AttackVector vector = filter.vector();
        String canonical = String.join(
                "\n",
                String.valueOf(filter.from()),
                String.valueOf(filter.to()),
                String.valueOf(filter.actor()),
                String.valueOf(filter.sector()),
                filter.countries() == null ? "null" : String.join(",", new TreeSet<>(filter.countries())),
                vector == null ? "null" : vector.name());
        if (filter.regions() != null) {
            canonical += "\nregions:" + String.join(",", new TreeSet<>(filter.regions()));
        }
        return digest(canonical, 12);
    }

    private static String digest(String text, int hexDigits) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ApiProblem invalid(String message) {
        return ApiProblem.invalidParameter(PARAMETER, "the cursor " + message);
    }
}
