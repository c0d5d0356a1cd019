package io.sanctionsrisk.gateway.isolation;

import io.vertx.core.buffer.Buffer;

/**
 * The request body as the gateway holds it when it takes a backend connection: either nothing is coming, or the
 * received part, and whether that is the whole body. The rest of a body that is not complete is still in the
 * (paused) request stream.
 *
 * @param present whether the request has a body at all
 * @param received the bytes received so far
 * @param complete whether {@code received} is the whole body
 * @param declaredLength Content-Length, or -1 when the body is chunked or absent
 * @param counter the item counter of a batch request, or null
 */
public record RequestBody(
        boolean present, Buffer received, boolean complete, long declaredLength, BatchItemCounter counter) {

    public static RequestBody none() {
        return new RequestBody(false, Buffer.buffer(), true, -1, null);
    }
}
