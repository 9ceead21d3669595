/**
 * The {@link dev.omnigraph.ports.out.table.TableStorage} port: versioned, branchable columnar tables
 * (one per node or edge type incarnation, plus the graph manifest), described without Arrow or Lance
 * types so that the application and adopters never see the storage engine's vocabulary.
 *
 * <p>Layer: ports. Allowed dependencies: the JDK.
 */
package dev.omnigraph.ports.out.table;
