/**
 * The abstract syntax of the {@code .gq} query language: immutable records and sealed types, one per
 * grammar construct.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only. The tree carries no source
 * positions, so two parses of equivalent text are {@code equals}; positions live beside the tree in
 * {@link dev.omnigraph.domain.query.parse.SourcePositions}. The tree is syntax only: names are not
 * resolved and nothing here has been checked against a schema.
 */
package dev.omnigraph.domain.query.ast;
