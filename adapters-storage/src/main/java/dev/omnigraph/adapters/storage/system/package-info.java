/**
 * The process's clock and id source behind the {@code Clock} and {@code IdSource} ports.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, the JDK, ulid-creator.
 */
package dev.omnigraph.adapters.storage.system;
