/**
 * SchemaIR v2: the accepted, identity-bearing form of a schema ({@code _schema.ir.json}).
 *
 * <p>Names describe shape; they are not identity. Every interface, node and edge carries a stable
 * type id, every property a stable property id and every node/edge a table incarnation id, all
 * drawn from one monotonically increasing allocator ({@code next_identity_id}) that never reuses a
 * value. {@link dev.omnigraph.domain.schema.ir.SchemaIdentityResolver} mints ids for a fresh graph
 * or carries them over from the accepted IR (exact names, then {@code @rename_from} hints);
 * {@link dev.omnigraph.domain.schema.ir.SchemaIrValidator} fails closed on malformed authority;
 * {@link dev.omnigraph.domain.schema.ir.SchemaIr#toJson()} / {@code fromJson} and the digests
 * match the reference byte for byte; {@link dev.omnigraph.domain.schema.ir.SchemaState} is the
 * {@code __schema_state.json} envelope.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only,
 * {@link dev.omnigraph.domain.lang}, {@link dev.omnigraph.domain.json} and
 * {@link dev.omnigraph.domain.schema}. Nothing here draws randomness: identity domains are passed in.
 */
package dev.omnigraph.domain.schema.ir;
