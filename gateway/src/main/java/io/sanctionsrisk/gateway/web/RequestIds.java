package io.sanctionsrisk.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** X-Request-Id: the caller's value when it is safe to log and forward, a new UUID otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RequestIds() {}

    public static String acceptOrGenerate(String callerValue) {
        return isWellFormed(callerValue) ? callerValue : generate();
    }

    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
