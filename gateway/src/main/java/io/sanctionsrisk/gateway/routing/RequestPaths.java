package io.sanctionsrisk.gateway.routing;

import java.util.Locale;

/**
 * The gateway forwards the path byte for byte, so it only accepts paths that every backend reads the same way it
 * does: no dot segments, no empty segments, no encoded slash, backslash, dot, percent sign or control character, no
 * matrix parameters. Anything else could name one route at the gateway and another behind it.
 */
public final class RequestPaths {

    private RequestPaths() {}

    public static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\' || c == ';') {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return false;
                }
                String encoded = rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                if (!encoded.matches("[0-9A-F]{2}")
                        || encoded.equals("2F")
                        || encoded.equals("5C")
                        || encoded.equals("2E")
                        || encoded.equals("25")
                        || encoded.equals("3B")
                        || encoded.compareTo("20") < 0
                        || encoded.equals("7F")) {
                    return false;
                }
            }
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return !rawPath.contains("//");
    }
}
