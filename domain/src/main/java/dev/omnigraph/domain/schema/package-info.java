/**
 * The schema language ({@code .pg}): syntax tree, recursive-descent parser, pretty-printer,
 * validator and the canonical identity-free {@linkplain dev.omnigraph.domain.schema.SchemaShape
 * shape} (with its digest) that identity resolution and drift detection compare.
 *
 * <p>Pipeline: {@link dev.omnigraph.domain.schema.SchemaParser#parse} (syntax, throws
 * {@link dev.omnigraph.domain.lang.LanguageException} with {@code L0xx}/{@code S0xx} codes) →
 * {@link dev.omnigraph.domain.schema.SchemaValidator#validate} (semantics, {@code S1xx} codes) →
 * {@link dev.omnigraph.domain.schema.ValidatedSchema#shape()}. {@link
 * dev.omnigraph.domain.schema.SchemaCompiler} chains them. Codes are listed in
 * {@link dev.omnigraph.domain.schema.SchemaCodes} and documented in {@code docs/schema-language.md}.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only, {@link dev.omnigraph.domain.lang}
 * and {@link dev.omnigraph.domain.json}; plus {@code java.security.MessageDigest} for the shape digest.
 */
package dev.omnigraph.domain.schema;
