package dev.omnigraph.domain.query.ast;

/**
 * A value position that accepts only a literal, a {@code $variable} or {@code now()}: binding property
 * maps, mutation assignments and mutation predicates.
 */
public sealed interface MatchValue permits Expr.Lit, Expr.Var, Expr.NowCall {}
