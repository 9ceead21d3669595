/**
 * The routes of the HTTP API and their wire records: per-graph routes under {@code /graphs/{graph_id}},
 * the graph list, the health probe and the API description; bearer authentication (delegated to the
 * serving use case); request-body limits and decoding; and the rendering of every refusal as the
 * reference's {@code ErrorOutput}. Every use-case call runs on the blocking executor, never on the event
 * loop. Everything here is package-private: the wire records keep the reference's member names, including
 * storage words the public surface of this adapter may not use.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: ports, domain, Micronaut HTTP and serde, the sibling
 * {@code openapi} package and the adapter's root package (settings).
 */
package dev.omnigraph.adapters.http.routes;
