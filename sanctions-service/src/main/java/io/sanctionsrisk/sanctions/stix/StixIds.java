package io.sanctionsrisk.sanctions.stix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: {@code <type>--<UUIDv5>} of a name in this service's namespace (RFC 9562,
 * section 5.5). The same record always gets the same id, so a re-imported export is recognised.
 */
public final class StixIds {

    /** The namespace of this service's STIX ids: UUIDv5 of "https://sanctionsrisk.io/stix" in the URL namespace. */
    public static final UUID NAMESPACE =
            uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://sanctionsrisk.io/stix");

    private StixIds() {}

    public static String of(String type, String name) {
        return type + "--" + uuid5(NAMESPACE, type + ":" + name);
    }

    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        sha1.update(toBytes(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (hash[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            least = (least << 8) | (hash[i] & 0xff);
        }
        return new UUID(most, least);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (most >>> (8 * (7 - i)));
            bytes[8 + i] = (byte) (least >>> (8 * (7 - i)));
        }
        return bytes;
    }
}
