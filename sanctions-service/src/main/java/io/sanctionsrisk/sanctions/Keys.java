package io.sanctionsrisk.sanctions;

/** The shape of a natural key: it is a path segment, so letters, digits, dot, underscore and hyphen. */
public final class Keys {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    public static final int MAX_LENGTH = 80;

    private Keys() {}
}
