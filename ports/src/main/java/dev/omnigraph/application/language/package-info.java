/**
 * The schema and query languages as use cases: schema check, migration planning and query lint, against
 * files or a graph's accepted schema.
 *
 * <p>Layer: application. Allowed dependencies: domain, ports, the JDK, the SLF4J API.
 */
package dev.omnigraph.application.language;
