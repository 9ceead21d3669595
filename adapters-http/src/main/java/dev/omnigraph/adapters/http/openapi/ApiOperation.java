package dev.omnigraph.adapters.http.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one HTTP route for the served OpenAPI document. Path parameters come from the route's URI
 * template and query parameters from its {@code @QueryValue} arguments; everything a template cannot say
 * is stated here. Routes without this annotation (the document itself) are not described.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiOperation {

    /** The reference's operation id; per-graph routes get the {@code cluster_} prefix in the document. */
    String operationId();

    /** The OpenAPI tag grouping the route (the reference's: health, management, snapshots, queries, …). */
    String tag();

    /** One line saying what the route does. */
    String summary();

    /** Longer prose, when the summary is not enough. */
    String description() default "";

    /** The request body's wire record; empty when the route takes no body. */
    Class<?>[] requestBody() default {};

    /** Whether a request body must be sent. */
    boolean requestBodyRequired() default true;

    /** The media type of the request body. */
    String requestContentType() default "application/json";

    /** A request body that is raw text rather than a wire record (e.g. NDJSON). */
    boolean rawRequestBody() default false;

    /** The 200 response's wire records; several mean "exactly one of" (an untagged union). */
    Class<?>[] response() default {};

    /** The media type of the 200 response. */
    String responseContentType() default "application/json";

    /** What the 200 response carries. */
    String responseDescription() default "Success";

    /** The refusal statuses the route can answer, each with an {@code ErrorOutput} body. */
    int[] errorStatuses() default {};

    /** Headers the route requires (e.g. {@code Omnigraph-If-Graph-Commit}). */
    String[] requiredHeaders() default {};

    /** Flags a route kept for compatibility; its responses carry {@code Deprecation} and {@code Link}. */
    boolean deprecated() default false;

    /** Whether the route takes a bearer token (false for the health probe). */
    boolean authenticated() default true;
}
