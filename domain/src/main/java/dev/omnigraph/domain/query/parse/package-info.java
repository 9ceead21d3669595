/**
 * Text to syntax tree and back: the recursive-descent {@link dev.omnigraph.domain.query.parse.QueryParser},
 * the canonical {@link dev.omnigraph.domain.query.parse.QueryPrinter}, and the side table of source
 * positions.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.lang} (the
 * shared lexer and diagnostics) and {@code dev.omnigraph.domain.query.ast}. The parser throws only
 * {@link dev.omnigraph.domain.lang.LanguageException}, always terminates, and bounds its recursion.
 */
package dev.omnigraph.domain.query.parse;
