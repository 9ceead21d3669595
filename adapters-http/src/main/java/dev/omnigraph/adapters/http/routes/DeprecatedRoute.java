package dev.omnigraph.adapters.http.routes;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/**
 * The answer of a route kept for compatibility: {@code Deprecation: true} (RFC 9745) and a
 * {@code Link: <successor>; rel="successor-version"} (RFC 8288) naming the route to move to.
 */
final class DeprecatedRoute {

    private DeprecatedRoute() {}

    static <T> MutableHttpResponse<T> ok(T body, String successor) {
        return HttpResponse.ok(body)
                .header("Deprecation", "true")
                .header("Link", "<" + successor + ">; rel=\"successor-version\"");
    }
}
