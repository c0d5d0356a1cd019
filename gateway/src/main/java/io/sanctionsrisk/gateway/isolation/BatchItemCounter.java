package io.sanctionsrisk.gateway.isolation;

import io.vertx.core.buffer.Buffer;
import java.util.Locale;

/**
 * Counts the items of a batch body as its bytes pass, without parsing or keeping them: non-blank lines of NDJSON, or
 * the elements of a top-level JSON array (commas at depth one, outside strings). A body that is not an array counts
 * as one item, and so does an empty one: a request is never cheaper than one token. The backend still checks the
 * body; the count only prices it.
 */
public final class BatchItemCounter {

    private final boolean ndjson;

    private long items;
    // NDJSON: whether the current line has a non-blank byte
    private boolean lineHasContent;
    // JSON: nesting depth, string state, and whether the top-level array has a first element yet
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean arraySeen;
    private boolean elementSeen;

    public BatchItemCounter(String contentType) {
        this.ndjson =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-ndjson");
    }

    public void feed(Buffer chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            byte b = chunk.getByte(i);
            if (ndjson) {
                line(b);
            } else {
                json(b);
            }
        }
    }

    /** Items seen so far (a last NDJSON line without a newline included), at least one. */
    public long items() {
        long counted = items + (ndjson && lineHasContent ? 1 : 0) + (!ndjson && elementSeen ? 1 : 0);
        return Math.max(1, counted);
    }

    private void line(byte b) {
        if (b == '\n') {
            if (lineHasContent) {
                items++;
            }
            lineHasContent = false;
        } else if (b != ' ' && b != '\t' && b != '\r') {
            lineHasContent = true;
        }
    }

    private void json(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        boolean blank = b == ' ' || b == '\t' || b == '\r' || b == '\n';
        if (depth == 1 && arraySeen && !blank && b != ']' && b != ',') {
            elementSeen = true;
        }
        switch (b) {
            case '"' -> inString = true;
            case '[', '{' -> {
                if (depth == 0 && b == '[') {
                    arraySeen = true;
                }
                depth++;
            }
            case ']', '}' -> depth = Math.max(0, depth - 1);
            case ',' -> {
                if (depth == 1 && arraySeen && elementSeen) {
                    items++;
                    elementSeen = false;
                }
            }
            default -> {}
        }
    }
}
