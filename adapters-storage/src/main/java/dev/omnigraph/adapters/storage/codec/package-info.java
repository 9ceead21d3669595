/**
 * Text codecs on Jackson: JSON and YAML text to and from the domain's {@code JsonValue} tree.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, Jackson.
 */
package dev.omnigraph.adapters.storage.codec;
