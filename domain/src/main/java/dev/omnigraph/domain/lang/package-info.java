/**
 * Source-language plumbing shared by the schema ({@code .pg}) and query ({@code .gq}) languages:
 * source files and spans, diagnostics with stable codes and caret excerpts, the single exception
 * type parsers throw, and one hand-written lexer for the tokens of both languages.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only ({@code java.lang},
 * {@code java.util}). Nothing here reads files; callers hand in text they already hold.
 *
 * <p>Stability: the {@code .gq} parser is written against this package, so its public API only
 * grows; names and token kinds are never repurposed.
 */
package dev.omnigraph.domain.lang;
