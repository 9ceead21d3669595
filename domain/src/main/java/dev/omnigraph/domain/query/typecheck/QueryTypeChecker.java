package dev.omnigraph.domain.query.typecheck;

import static dev.omnigraph.domain.query.QueryCodes.LIST_LITERAL_SHAPE;
import static dev.omnigraph.domain.query.QueryCodes.REBOUND_VARIABLE;
import static dev.omnigraph.domain.query.QueryCodes.RESERVED_PARAMETER;
import static dev.omnigraph.domain.query.QueryCodes.UNKNOWN_PARAMETER_TYPE;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;
import dev.omnigraph.domain.query.ast.AggFunc;
import dev.omnigraph.domain.query.ast.Assignment;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.query.ast.Clause;
import dev.omnigraph.domain.query.ast.CompOp;
import dev.omnigraph.domain.query.ast.Expr;
import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.ast.MatchValue;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.MutationPredicate;
import dev.omnigraph.domain.query.ast.Ordering;
import dev.omnigraph.domain.query.ast.Param;
import dev.omnigraph.domain.query.ast.ParamType;
import dev.omnigraph.domain.query.ast.Projection;
import dev.omnigraph.domain.query.ast.PropMatch;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.SourcePositions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks one query declaration against a {@link QueryCatalog}, rule for rule and message for message
 * like the reference typechecker ({@code query/typecheck.rs}).
 *
 * <p>Contract: {@link #check} returns a {@link CheckedQuery} or throws a {@link LanguageException}
 * with exactly one error diagnostic: code {@code T1}–{@code T24} (or {@code Q1xx} where the reference
 * has no code), the reference's message text without the code prefix, and the span of the offending
 * node (the query's name when the tree was not parsed from text). Checking is deterministic: where
 * the reference iterates a hash map (missing required properties), declaration order is used.
 */
public final class QueryTypeChecker {

    /** The runtime parameter {@code now()} is bound to; no query may declare it. */
    public static final String NOW_PARAMETER = "__nanograph_now";

    private static final ValueType STRING = ValueType.scalar(ScalarKind.STRING, false);
    private static final ValueType F64 = ValueType.scalar(ScalarKind.F64, false);
    private static final ValueType BOOL = ValueType.scalar(ScalarKind.BOOL, false);
    private static final ValueType DATE_TIME = ValueType.scalar(ScalarKind.DATE_TIME, false);

    private final QueryCatalog catalog;
    private final QueryDecl query;
    private final SourceFile source;
    private final SourcePositions positions;

    private QueryTypeChecker(QueryCatalog catalog, QueryDecl query, SourceFile source, SourcePositions positions) {
        this.catalog = catalog;
        this.query = query;
        this.source = source;
        this.positions = positions;
    }

    /** Checks {@code query}, a declaration of {@code parsed}, reporting errors at their source positions. */
    public static CheckedQuery check(QueryCatalog catalog, ParsedQueries parsed, QueryDecl query) {
        return new QueryTypeChecker(catalog, query, parsed.source(), parsed.positions()).run();
    }

    /** Checks a declaration built in code (errors carry no position). */
    public static CheckedQuery check(QueryCatalog catalog, QueryDecl query) {
        return new QueryTypeChecker(catalog, query, null, SourcePositions.none()).run();
    }

    /** Converts a declared parameter type, or empty when the type system cannot represent it. */
    public static Optional<ValueType> parameterType(ParamType type) {
        if (type.base() == BaseType.VECTOR) {
            long dimension = type.vectorDimension();
            if (dimension < 1 || dimension > ValueType.MAX_VECTOR_DIMENSION) {
                return Optional.empty();
            }
            return Optional.of(ValueType.vector((int) dimension, type.nullable()));
        }
        ScalarKind kind = switch (type.base()) {
            case STRING -> ScalarKind.STRING;
            case BLOB -> ScalarKind.BLOB;
            case BOOL -> ScalarKind.BOOL;
            case I32 -> ScalarKind.I32;
            case I64 -> ScalarKind.I64;
            case U32 -> ScalarKind.U32;
            case U64 -> ScalarKind.U64;
            case F32 -> ScalarKind.F32;
            case F64 -> ScalarKind.F64;
            case DATE_TIME -> ScalarKind.DATE_TIME;
            case DATE -> ScalarKind.DATE;
            case VECTOR -> throw new IllegalStateException("handled above");
        };
        return Optional.of(type.list() ? ValueType.listOf(kind, type.nullable()) : ValueType.scalar(kind, type.nullable()));
    }

    // ── entry ───────────────────────────────────────────────────────────────────────────

    private CheckedQuery run() {
        Map<String, ValueType> params = declaredParameters();
        if (query.body() instanceof QueryBody.MutationBody mutations) {
            List<MutationTarget> targets = new ArrayList<>();
            for (Mutation statement : mutations.statements()) {
                targets.add(checkMutation(statement, params));
            }
            return new CheckedQuery.Mutation(query, params, targets);
        }
        return checkRead((QueryBody.ReadBody) query.body(), params);
    }

    private Map<String, ValueType> declaredParameters() {
        Map<String, ValueType> params = new LinkedHashMap<>();
        for (Param param : query.params()) {
            if (param.name().equals(NOW_PARAMETER)) {
                throw fail(RESERVED_PARAMETER, param, "parameter name `$" + NOW_PARAMETER
                        + "` is reserved for runtime timestamp injection");
            }
            ValueType type = parameterType(param.type()).orElseThrow(() -> fail(UNKNOWN_PARAMETER_TYPE, param,
                    "unknown parameter type `" + param.type().typeName() + "` for `$" + param.name() + "`"));
            params.put(param.name(), type);
        }
        return params;
    }

    // ── read queries ────────────────────────────────────────────────────────────────────

    /** Mutable typing context of a clause list; negation blocks work on a copy. */
    private static final class Context {
        final Map<String, BoundVariable> bindings;
        final List<ResolvedTraversal> traversals;
        final Map<String, ResolvedType> aliases = new LinkedHashMap<>();

        Context(Map<String, BoundVariable> bindings, List<ResolvedTraversal> traversals) {
            this.bindings = bindings;
            this.traversals = traversals;
        }

        Context copy() {
            return new Context(new LinkedHashMap<>(bindings), new ArrayList<>(traversals));
        }
    }

    private CheckedQuery.Read checkRead(QueryBody.ReadBody body, Map<String, ValueType> params) {
        Context ctx = new Context(new LinkedHashMap<>(), new ArrayList<>());
        checkClauses(body.match(), ctx, params);

        Map<String, Expr> aliasExprs = new HashMap<>();
        for (Projection projection : body.returns()) {
            ResolvedType resolved = resolve(projection.expr(), ctx, params);
            rejectBlobReadValue(resolved, projection.expr());
            if (projection.alias().isPresent()) {
                ctx.aliases.put(projection.alias().get(), resolved);
                aliasExprs.put(projection.alias().get(), projection.expr());
            }
        }
        for (Ordering ordering : body.order()) {
            ResolvedType resolved = resolve(ordering.expr(), ctx, params);
            rejectBlobReadValue(resolved, ordering.expr());
        }

        Ordering standaloneNearest = null;
        Ordering rrf = null;
        for (Ordering ordering : body.order()) {
            if (standaloneNearest == null && containsStandaloneNearest(ordering.expr(), aliasExprs, new HashSet<>())) {
                standaloneNearest = ordering;
            }
            if (rrf == null && containsRrf(ordering.expr(), aliasExprs, new HashSet<>())) {
                rrf = ordering;
            }
        }
        if (rrf != null && body.limit().isEmpty()) {
            throw fail("T21", rrf, "rrf ordering requires a limit clause");
        }
        if (standaloneNearest != null && body.limit().isEmpty()) {
            throw fail("T17", standaloneNearest, "nearest ordering requires a limit clause");
        }
        if (standaloneNearest != null) {
            for (Ordering ordering : body.order()) {
                if (ordering.expr() instanceof Expr.AliasRef) {
                    throw fail("T18", ordering,
                            "alias-based ordering is not supported together with nearest in phase 1");
                }
            }
        }

        boolean aggregateQuery = body.returns().stream().anyMatch(p -> p.expr() instanceof Expr.Aggregate);
        if (aggregateQuery) {
            for (Projection projection : body.returns()) {
                Expr expr = projection.expr();
                if (!(expr instanceof Expr.Aggregate || expr instanceof Expr.Prop || expr instanceof Expr.Var)) {
                    throw fail("T9", projection,
                            "non-aggregate expressions in an aggregate query must be property accesses or variables");
                }
            }
        }

        List<ResultField> result = new ArrayList<>();
        for (Projection projection : body.returns()) {
            result.add(resultField(projection, ctx, params));
        }
        return new CheckedQuery.Read(query, params, ctx.bindings, ctx.traversals, ctx.aliases, result);
    }

    private void checkClauses(List<Clause> clauses, Context ctx, Map<String, ValueType> params) {
        for (Clause clause : clauses) {
            if (clause instanceof Clause.Binding binding) {
                checkBinding(binding, ctx, params);
            } else if (clause instanceof Clause.Traversal traversal) {
                checkTraversal(traversal, ctx);
            } else if (clause instanceof Clause.Filter filter) {
                checkFilter(filter, ctx, params);
            } else if (clause instanceof Clause.Negation negation) {
                Set<String> outer = new HashSet<>(ctx.bindings.keySet());
                checkClauses(negation.clauses(), ctx.copy(), params);
                if (!referencesOuter(negation.clauses(), outer)) {
                    throw fail("T9", negation, "negation block must reference at least one outer-bound variable");
                }
            }
        }
    }

    /** The reference's rule: a direct inner traversal, filter or binding must name an outer variable. */
    private static boolean referencesOuter(List<Clause> inner, Set<String> outer) {
        for (Clause clause : inner) {
            if (clause instanceof Clause.Traversal t && (outer.contains(t.source()) || outer.contains(t.destination()))) {
                return true;
            }
            if (clause instanceof Clause.Filter f && (references(f.left(), outer) || references(f.right(), outer))) {
                return true;
            }
            if (clause instanceof Clause.Binding b && outer.contains(b.variable())) {
                return true;
            }
        }
        return false;
    }

    private static boolean references(Expr expr, Set<String> vars) {
        if (expr instanceof Expr.Prop prop) {
            return vars.contains(prop.variable());
        }
        if (expr instanceof Expr.Nearest nearest) {
            return vars.contains(nearest.variable()) || references(nearest.query(), vars);
        }
        if (expr instanceof Expr.Search s) {
            return references(s.field(), vars) || references(s.query(), vars);
        }
        if (expr instanceof Expr.Fuzzy f) {
            return references(f.field(), vars) || references(f.query(), vars)
                    || f.maxEdits().map(m -> references(m, vars)).orElse(false);
        }
        if (expr instanceof Expr.MatchText m) {
            return references(m.field(), vars) || references(m.query(), vars);
        }
        if (expr instanceof Expr.Bm25 b) {
            return references(b.field(), vars) || references(b.query(), vars);
        }
        if (expr instanceof Expr.Rrf r) {
            return references(r.primary(), vars) || references(r.secondary(), vars)
                    || r.k().map(k -> references(k, vars)).orElse(false);
        }
        if (expr instanceof Expr.Var v) {
            return vars.contains(v.name());
        }
        if (expr instanceof Expr.Aggregate a) {
            return references(a.argument(), vars);
        }
        return false;
    }

    private void checkBinding(Clause.Binding binding, Context ctx, Map<String, ValueType> params) {
        NodeTypeInfo node = catalog.nodeType(binding.typeName())
                .orElseThrow(() -> fail("T1", binding, "unknown node type `" + binding.typeName() + "`"));
        for (PropMatch match : binding.propMatches()) {
            ValueType property = node.property(match.property()).orElseThrow(() -> fail("T2", match,
                    "type `" + binding.typeName() + "` has no property `" + match.property() + "`"));
            if (property.isBlob()) {
                throw fail("T3", match, "blob property `" + binding.typeName() + "." + match.property()
                        + "` cannot be used in match patterns");
            }
            MatchValue value = match.value();
            if (value instanceof Expr.Lit lit) {
                checkBindingLiteral(lit.value(), property, match.property(), match);
            } else if (value instanceof Expr.Var variable) {
                ValueType actual = params.get(variable.name());
                if (actual != null) {
                    checkBindingVariable(actual, property, match.property(), match);
                }
            } else {
                checkNowValue(property, match.property(), match);
            }
        }

        BoundVariable existing = ctx.bindings.get(binding.variable());
        if (existing instanceof BoundVariable.Edge edge) {
            throw fail("T23", binding, "variable `$" + binding.variable() + "` is bound to edge type `"
                    + edge.typeName() + "` and cannot be rebound as node type `" + binding.typeName() + "`");
        }
        if (existing instanceof BoundVariable.Node bound && !bound.typeName().equals(binding.typeName())) {
            throw fail(REBOUND_VARIABLE, binding, "variable `$" + binding.variable() + "` already bound to type `"
                    + bound.typeName() + "`, cannot rebind to `" + binding.typeName() + "`");
        }
        ctx.bindings.put(binding.variable(), new BoundVariable.Node(binding.typeName()));
    }

    private void checkBindingLiteral(Literal literal, ValueType expected, String property, Object node) {
        if (expected.list()) {
            ValueType literalType = literalType(literal, node);
            if (literalType.list()) {
                throw fail("T3", node, "list equality is not supported for property `" + property
                        + "`; use a scalar value to match list membership");
            }
            if (!literalType.compatibleWith(expected.member())) {
                throw fail("T3", node, "property `" + property + "` has type " + expected.displayName()
                        + " but membership match got " + literalType.displayName());
            }
            return;
        }
        checkLiteral(literal, expected, property, node);
    }

    private void checkBindingVariable(ValueType actual, ValueType expected, String property, Object node) {
        if (expected.list()) {
            if (actual.list()) {
                throw fail("T7", node, "list equality is not supported for property `" + property
                        + "`; use a scalar parameter for membership matching");
            }
            if (!actual.compatibleWith(expected.member())) {
                throw fail("T7", node, "cannot compare " + actual.displayName() + " membership against "
                        + expected.displayName() + " for property `" + property + "`");
            }
            return;
        }
        if (!actual.compatibleWith(expected)) {
            throw fail("T7", node, "cannot assign/compare " + actual.displayName() + " with "
                    + expected.displayName() + " for property `" + property + "`");
        }
    }

    private void checkTraversal(Clause.Traversal traversal, Context ctx) {
        EdgeTypeInfo edge = catalog.edgeForTraversal(traversal.edgeName())
                .orElseThrow(() -> fail("T4", traversal, "unknown edge type `" + traversal.edgeName() + "`"));
        if (traversal.minHops() == 0) {
            throw fail("T15", traversal, "traversal min hop bound must be >= 1");
        }
        if (traversal.maxHops().isEmpty()) {
            throw fail("T15", traversal, "unbounded traversal is disabled; use bounded traversal {min,max}");
        }
        long maxHops = traversal.maxHops().getAsLong();
        if (maxHops < traversal.minHops()) {
            throw fail("T15", traversal, "invalid traversal bounds {" + traversal.minHops() + "," + maxHops
                    + "}; max must be >= min");
        }
        if (traversal.undirected() && !edge.isSymmetric()) {
            throw fail("T22", traversal, "undirected traversal `<" + edge.name()
                    + ">` requires a same-endpoint-type edge, but `" + edge.name() + ": " + edge.fromType() + " -> "
                    + edge.toType() + "` is asymmetric; use the directional form");
        }
        if (traversal.edgeBinding().isPresent() && !traversal.isSingleHop()) {
            throw fail("T23", traversal, "edge binding `$" + traversal.edgeBinding().get()
                    + "` cannot be combined with traversal bounds; a multi-hop traversal matches a path of edges, not one edge");
        }
        Optional<String> edgeBinding = traversal.edgeBinding().filter(name -> !name.equals("_"));
        if (edgeBinding.isPresent()) {
            String name = edgeBinding.get();
            if (name.equals(traversal.source()) || name.equals(traversal.destination())) {
                throw fail("T23", traversal, "edge binding `$" + name + "` cannot reuse a traversal endpoint name; "
                        + "edge bindings and node endpoints need distinct names");
            }
            if (ctx.bindings.containsKey(name)) {
                throw fail("T23", traversal, "variable `$" + name
                        + "` is already bound; an edge binding needs a fresh name");
            }
            ctx.bindings.put(name, new BoundVariable.Edge(edge.name()));
        }

        BoundVariable sourceBound = ctx.bindings.get(traversal.source());
        BoundVariable destinationBound = ctx.bindings.get(traversal.destination());
        Direction direction;
        if (sourceBound != null) {
            String sourceType = endpointType(sourceBound, traversal.source(), traversal);
            if (sourceType.equals(edge.fromType())) {
                direction = Direction.OUT;
                bindEndpoint(ctx, traversal.destination(), edge.toType(), edge, traversal);
            } else if (sourceType.equals(edge.toType())) {
                direction = Direction.IN;
                bindEndpoint(ctx, traversal.destination(), edge.fromType(), edge, traversal);
            } else {
                throw fail("T5", traversal, notAnEndpoint(traversal.source(), sourceType, edge));
            }
        } else if (destinationBound != null) {
            String destinationType = endpointType(destinationBound, traversal.destination(), traversal);
            if (destinationType.equals(edge.toType())) {
                direction = Direction.OUT;
                bindEndpoint(ctx, traversal.source(), edge.fromType(), edge, traversal);
            } else if (destinationType.equals(edge.fromType())) {
                direction = Direction.IN;
                bindEndpoint(ctx, traversal.source(), edge.toType(), edge, traversal);
            } else {
                throw fail("T5", traversal, notAnEndpoint(traversal.destination(), destinationType, edge));
            }
        } else {
            direction = Direction.OUT;
            bindEndpoint(ctx, traversal.source(), edge.fromType(), edge, traversal);
            bindEndpoint(ctx, traversal.destination(), edge.toType(), edge, traversal);
        }
        if (traversal.undirected()) {
            direction = Direction.BOTH;
        }
        ctx.traversals.add(new ResolvedTraversal(traversal.source(), traversal.destination(), edge.name(), direction,
                traversal.minHops(), maxHops, edgeBinding));
    }

    private static String notAnEndpoint(String variable, String type, EdgeTypeInfo edge) {
        return "variable `$" + variable + "` has type `" + type + "`, which is not an endpoint of edge `"
                + edge.name() + ": " + edge.fromType() + " -> " + edge.toType() + "`";
    }

    private String endpointType(BoundVariable bound, String variable, Object node) {
        if (bound instanceof BoundVariable.Edge) {
            throw fail("T23", node, "edge binding `$" + variable
                    + "` cannot be used as a traversal endpoint; traversal endpoints must be node bindings");
        }
        return bound.typeName();
    }

    private void bindEndpoint(Context ctx, String variable, String expectedType, EdgeTypeInfo edge, Object node) {
        if (variable.equals("_")) {
            return;
        }
        BoundVariable existing = ctx.bindings.get(variable);
        if (existing != null) {
            String existingType = endpointType(existing, variable, node);
            if (!existingType.equals(expectedType)) {
                throw fail("T5", node, "variable `$" + variable + "` has type `" + existingType + "` but edge `"
                        + edge.name() + "` expects `" + expectedType + "`");
            }
        } else {
            ctx.bindings.put(variable, new BoundVariable.Node(expectedType));
        }
    }

    private void checkFilter(Clause.Filter filter, Context ctx, Map<String, ValueType> params) {
        ResolvedType left = resolve(filter.left(), ctx, params);
        ResolvedType right = resolve(filter.right(), ctx, params);
        if (!(left instanceof ResolvedType.Scalar ls) || !(right instanceof ResolvedType.Scalar rs)) {
            throw fail("T7", filter, "filter comparisons require scalar operands, got " + left.displayName()
                    + " and " + right.displayName());
        }
        ValueType l = ls.type();
        ValueType r = rs.type();
        if (l.isBlob() || r.isBlob()) {
            throw fail("T7", filter, "blob comparisons in filters are not supported");
        }
        if (filter.op() == CompOp.CONTAINS) {
            if (l.isScalarString()) {
                if (!r.isScalarString()) {
                    throw fail("T7", filter, "string contains requires a String right operand, got " + r.displayName());
                }
                return;
            }
            if (!l.list()) {
                throw fail("T7", filter, "contains requires a list property (membership) or a String property "
                        + "(substring) on the left, got " + l.displayName());
            }
            if (r.list()) {
                throw fail("T7", filter, "contains requires a scalar right operand");
            }
            if (l.isVector() || r.isVector()) {
                throw fail("T7", filter, "vector membership filters are not supported");
            }
            if (!l.member().compatibleWith(r)) {
                throw fail("T7", filter, "cannot test membership of " + r.displayName() + " in " + l.displayName());
            }
            return;
        }
        if (filter.op() == CompOp.STARTS_WITH) {
            if (!l.isScalarString()) {
                throw fail("T7", filter, "starts_with requires a String property on the left, got " + l.displayName());
            }
            if (!r.isScalarString()) {
                throw fail("T7", filter, "starts_with requires a String right operand, got " + r.displayName());
            }
            return;
        }
        if (l.list() || r.list()) {
            throw fail("T7", filter,
                    "list comparisons in filters are not supported; use `contains` for list membership");
        }
        if (l.isVector() || r.isVector()) {
            throw fail("T7", filter, "vector comparisons in filters are not supported");
        }
        if (!l.compatibleWith(r)) {
            throw fail("T7", filter, "cannot compare " + l.displayName() + " with " + r.displayName());
        }
    }

    // ── expressions ─────────────────────────────────────────────────────────────────────

    private ResolvedType resolve(Expr expr, Context ctx, Map<String, ValueType> params) {
        if (expr instanceof Expr.NowCall) {
            return new ResolvedType.Scalar(DATE_TIME);
        }
        if (expr instanceof Expr.Prop prop) {
            return new ResolvedType.Scalar(propertyType(prop, ctx));
        }
        if (expr instanceof Expr.Nearest nearest) {
            return resolveNearest(nearest, ctx, params);
        }
        if (expr instanceof Expr.Search search) {
            requireTextOperands("T19", "search", search.field(), search.query(), expr, ctx, params);
            return new ResolvedType.Scalar(BOOL);
        }
        if (expr instanceof Expr.Fuzzy fuzzy) {
            requireTextOperands("T19", "fuzzy", fuzzy.field(), fuzzy.query(), expr, ctx, params);
            if (fuzzy.maxEdits().isPresent()) {
                requireInteger("T19", "fuzzy max_edits", fuzzy.maxEdits().get(), ctx, params);
            }
            return new ResolvedType.Scalar(BOOL);
        }
        if (expr instanceof Expr.MatchText matchText) {
            requireTextOperands("T20", "match_text", matchText.field(), matchText.query(), expr, ctx, params);
            return new ResolvedType.Scalar(BOOL);
        }
        if (expr instanceof Expr.Bm25 bm25) {
            requireTextOperands("T20", "bm25", bm25.field(), bm25.query(), expr, ctx, params);
            return new ResolvedType.Scalar(F64);
        }
        if (expr instanceof Expr.Rrf rrf) {
            return resolveRrf(rrf, ctx, params);
        }
        if (expr instanceof Expr.Var variable) {
            ValueType param = params.get(variable.name());
            if (param != null) {
                return new ResolvedType.Scalar(param);
            }
            BoundVariable bound = ctx.bindings.get(variable.name());
            if (bound instanceof BoundVariable.Node node) {
                return new ResolvedType.NodeRef(node.typeName());
            }
            if (bound instanceof BoundVariable.Edge) {
                throw fail("T23", expr, "edge binding `$" + variable.name() + "` cannot be used bare; access one of "
                        + "its properties (`$" + variable.name() + ".{prop}`)");
            }
            throw fail("T6", expr, "variable `$" + variable.name() + "` is not bound");
        }
        if (expr instanceof Expr.Lit lit) {
            return new ResolvedType.Scalar(literalType(lit.value(), expr));
        }
        if (expr instanceof Expr.Aggregate aggregate) {
            ResolvedType argument = resolve(aggregate.argument(), ctx, params);
            rejectBlobReadValue(argument, aggregate.argument());
            if (argument instanceof ResolvedType.Scalar scalar) {
                ValueType type = scalar.type();
                AggFunc function = aggregate.function();
                if ((function == AggFunc.SUM || function == AggFunc.AVG) && (type.list() || !type.kind().isNumeric())) {
                    throw fail("T8", expr, function.spelling() + " requires numeric type, got " + type.displayName());
                }
                if ((function == AggFunc.MIN || function == AggFunc.MAX)
                        && (type.list() || (!type.kind().isNumeric() && type.kind() != ScalarKind.STRING))) {
                    throw fail("T8", expr, function.spelling() + " requires numeric or string type, got "
                            + type.displayName());
                }
            }
            return new ResolvedType.Opaque();
        }
        if (expr instanceof Expr.AliasRef alias) {
            ResolvedType known = ctx.aliases.get(alias.name());
            return known != null ? known : new ResolvedType.Opaque();
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    private ValueType propertyType(Expr.Prop prop, Context ctx) {
        BoundVariable bound = ctx.bindings.get(prop.variable());
        if (bound == null) {
            throw fail("T6", prop, "variable `$" + prop.variable() + "` is not bound");
        }
        ValueType type;
        if (bound instanceof BoundVariable.Node node) {
            NodeTypeInfo info = catalog.nodeType(node.typeName())
                    .orElseThrow(() -> fail("T6", prop, "type `" + node.typeName() + "` not found in catalog"));
            type = info.property(prop.property()).orElseThrow(() -> fail("T6", prop,
                    "type `" + node.typeName() + "` has no property `" + prop.property() + "`"));
        } else {
            EdgeTypeInfo info = catalog.edgeForTraversal(bound.typeName())
                    .orElseThrow(() -> fail("T6", prop, "edge type `" + bound.typeName() + "` not found in catalog"));
            type = info.property(prop.property()).orElseThrow(() -> fail("T6", prop,
                    "edge `" + bound.typeName() + "` has no property `" + prop.property() + "`"));
        }
        if (type.isBlob()) {
            throw fail("T24", prop, "Blob property `$" + prop.variable() + "." + prop.property()
                    + "` is not available as a .gq read value; Blob values require a dedicated API");
        }
        return type;
    }

    private ResolvedType resolveNearest(Expr.Nearest nearest, Context ctx, Map<String, ValueType> params) {
        BoundVariable bound = ctx.bindings.get(nearest.variable());
        if (bound instanceof BoundVariable.Edge) {
            throw fail("T23", nearest, "nearest cannot target edge binding `$" + nearest.variable()
                    + "`; vector search runs on node properties");
        }
        if (bound == null) {
            throw fail("T15", nearest, "variable `$" + nearest.variable() + "` is not bound");
        }
        NodeTypeInfo node = catalog.nodeType(bound.typeName())
                .orElseThrow(() -> fail("T15", nearest, "type `" + bound.typeName() + "` not found in catalog"));
        ValueType property = node.property(nearest.property()).orElseThrow(() -> fail("T15", nearest,
                "type `" + bound.typeName() + "` has no property `" + nearest.property() + "`"));
        if (!property.isVector()) {
            throw fail("T15", nearest, "nearest requires a Vector property, got " + bound.typeName() + "."
                    + nearest.property() + ": " + property.displayName());
        }
        if (property.list()) {
            throw fail("T15", nearest, "nearest does not support list-wrapped vectors");
        }
        int dimension = property.vectorDimension();
        if (nearest.query() instanceof Expr.Lit lit) {
            OptionalInt literalDimension = numericVectorLength(lit.value());
            if (literalDimension.isPresent()) {
                if (literalDimension.getAsInt() != dimension) {
                    throw fail("T15", nearest, "nearest vector dimension mismatch: property is Vector(" + dimension
                            + "), query literal has " + literalDimension.getAsInt() + " elements");
                }
                return new ResolvedType.Scalar(F64);
            }
        }
        ResolvedType query = resolve(nearest.query(), ctx, params);
        if (!(query instanceof ResolvedType.Scalar scalar)) {
            throw fail("T15", nearest, "nearest query must be a scalar expression");
        }
        ValueType type = scalar.type();
        if (type.isVector() && !type.list()) {
            if (type.vectorDimension() != dimension) {
                throw fail("T15", nearest, "nearest vector dimension mismatch: property is Vector(" + dimension
                        + "), query is Vector(" + type.vectorDimension() + ")");
            }
        } else if (!type.isScalarString()) {
            throw fail("T15", nearest, "nearest query must be Vector(" + dimension + ") or String, got "
                    + type.displayName());
        }
        return new ResolvedType.Scalar(F64);
    }

    private ResolvedType resolveRrf(Expr.Rrf rrf, Context ctx, Map<String, ValueType> params) {
        if (!isRank(rrf.primary())) {
            throw fail("T21", rrf, "rrf primary expression must be nearest(...) or bm25(...)");
        }
        if (!isRank(rrf.secondary())) {
            throw fail("T21", rrf, "rrf secondary expression must be nearest(...) or bm25(...)");
        }
        for (Expr rank : List.of(rrf.primary(), rrf.secondary())) {
            ResolvedType type = resolve(rank, ctx, params);
            if (!(type instanceof ResolvedType.Scalar scalar)) {
                throw fail("T21", rrf, "rrf rank expressions must be scalar numeric expressions");
            }
            if (scalar.type().kind() != ScalarKind.F64 || scalar.type().list()) {
                throw fail("T21", rrf, "rrf rank expressions must evaluate to F64, got " + scalar.type().displayName());
            }
        }
        if (rrf.k().isPresent()) {
            Expr k = rrf.k().get();
            requireInteger("T21", "rrf k", k, ctx, params);
            if (k instanceof Expr.Lit lit && lit.value() instanceof Literal.IntLit integer && integer.value() <= 0) {
                throw fail("T21", k, "rrf k must be greater than 0");
            }
        }
        return new ResolvedType.Scalar(F64);
    }

    private static boolean isRank(Expr expr) {
        return expr instanceof Expr.Nearest || expr instanceof Expr.Bm25;
    }

    /**
     * The shared rule of search/fuzzy/match_text/bm25: the field must not be an edge property
     * (T23), and field and query must be scalar Strings (T19 for search/fuzzy, T20 otherwise).
     */
    private void requireTextOperands(String code, String function, Expr field, Expr queryExpr, Expr call,
                                     Context ctx, Map<String, ValueType> params) {
        if (field instanceof Expr.Prop prop && ctx.bindings.get(prop.variable()) instanceof BoundVariable.Edge) {
            throw fail("T23", call, function + " cannot target edge property `$" + prop.variable() + "."
                    + prop.property() + "`; text/rank search runs on node properties — edge properties support "
                    + "comparison filters and projection");
        }
        requireScalarString(code, function + " field", field, ctx, params);
        requireScalarString(code, function + " query", queryExpr, ctx, params);
    }

    private void requireScalarString(String code, String what, Expr expr, Context ctx, Map<String, ValueType> params) {
        ResolvedType type = resolve(expr, ctx, params);
        if (!(type instanceof ResolvedType.Scalar scalar)) {
            throw fail(code, expr, what + " must be a scalar String expression");
        }
        if (!scalar.type().isScalarString()) {
            throw fail(code, expr, what + " must be String, got " + scalar.type().displayName());
        }
    }

    private void requireInteger(String code, String what, Expr expr, Context ctx, Map<String, ValueType> params) {
        ResolvedType type = resolve(expr, ctx, params);
        if (!(type instanceof ResolvedType.Scalar scalar)) {
            throw fail(code, expr, what + " must be an integer scalar expression");
        }
        if (scalar.type().list() || !scalar.type().kind().isInteger()) {
            throw fail(code, expr, what + " must be an integer scalar, got " + scalar.type().displayName());
        }
    }

    private void rejectBlobReadValue(ResolvedType resolved, Expr expr) {
        if (resolved instanceof ResolvedType.Scalar scalar && scalar.type().isBlob()) {
            String subject;
            if (expr instanceof Expr.Var variable) {
                subject = "Blob parameter `$" + variable.name() + "`";
            } else if (expr instanceof Expr.AliasRef alias) {
                subject = "Blob alias `" + alias.name() + "`";
            } else {
                subject = "Blob expression";
            }
            throw fail("T24", expr, subject + " is not available as a .gq read value; Blob values require a dedicated API");
        }
    }

    private static boolean containsStandaloneNearest(Expr expr, Map<String, Expr> aliases, Set<String> seen) {
        if (expr instanceof Expr.Nearest) {
            return true;
        }
        if (expr instanceof Expr.Aggregate aggregate) {
            return containsStandaloneNearest(aggregate.argument(), aliases, seen);
        }
        if (expr instanceof Expr.AliasRef alias) {
            Expr target = aliases.get(alias.name());
            if (target == null || !seen.add(alias.name())) {
                return false;
            }
            boolean found = containsStandaloneNearest(target, aliases, seen);
            seen.remove(alias.name());
            return found;
        }
        for (Expr child : textOperands(expr)) {
            if (containsStandaloneNearest(child, aliases, seen)) {
                return true;
            }
        }
        return false; // nearest() under rrf() is governed by T21, not T17/T18
    }

    private static boolean containsRrf(Expr expr, Map<String, Expr> aliases, Set<String> seen) {
        if (expr instanceof Expr.Rrf) {
            return true;
        }
        if (expr instanceof Expr.Aggregate aggregate) {
            return containsRrf(aggregate.argument(), aliases, seen);
        }
        if (expr instanceof Expr.AliasRef alias) {
            Expr target = aliases.get(alias.name());
            if (target == null || !seen.add(alias.name())) {
                return false;
            }
            boolean found = containsRrf(target, aliases, seen);
            seen.remove(alias.name());
            return found;
        }
        for (Expr child : textOperands(expr)) {
            if (containsRrf(child, aliases, seen)) {
                return true;
            }
        }
        return false;
    }

    private static List<Expr> textOperands(Expr expr) {
        if (expr instanceof Expr.Search s) {
            return List.of(s.field(), s.query());
        }
        if (expr instanceof Expr.MatchText m) {
            return List.of(m.field(), m.query());
        }
        if (expr instanceof Expr.Bm25 b) {
            return List.of(b.field(), b.query());
        }
        if (expr instanceof Expr.Fuzzy f) {
            List<Expr> operands = new ArrayList<>(List.of(f.field(), f.query()));
            f.maxEdits().ifPresent(operands::add);
            return operands;
        }
        return List.of();
    }

    // ── result shape ────────────────────────────────────────────────────────────────────

    private ResultField resultField(Projection projection, Context ctx, Map<String, ValueType> params) {
        Expr expr = projection.expr();
        String name = projection.alias().orElseGet(() -> defaultColumnName(expr));
        if (expr instanceof Expr.Aggregate aggregate) {
            ResolvedType argument = resolve(aggregate.argument(), ctx, params);
            return switch (aggregate.function()) {
                case COUNT -> new ResultField(name, new ResolvedType.Scalar(ValueType.scalar(ScalarKind.I64, true)), true);
                case SUM, AVG -> new ResultField(name, new ResolvedType.Scalar(ValueType.scalar(ScalarKind.F64, true)), true);
                case MIN, MAX -> new ResultField(name, shapeOf(argument), true);
            };
        }
        ResolvedType resolved = resolve(expr, ctx, params);
        ResolvedType shape = shapeOf(resolved);
        boolean nullable = shape instanceof ResolvedType.Scalar scalar
                ? scalar.type().nullable() || resolved instanceof ResolvedType.Opaque
                : false;
        return new ResultField(name, shape, nullable);
    }

    /** Opaque values are reported as nullable I64, as the reference's result inference does. */
    private static ResolvedType shapeOf(ResolvedType type) {
        return type instanceof ResolvedType.Opaque ? new ResolvedType.Scalar(ValueType.scalar(ScalarKind.I64, true)) : type;
    }

    /** The reference's name for an un-aliased projection in the inferred result schema. */
    public static String defaultColumnName(Expr expr) {
        if (expr instanceof Expr.NowCall) {
            return "now";
        }
        if (expr instanceof Expr.Prop prop) {
            return prop.property();
        }
        if (expr instanceof Expr.Var variable) {
            return variable.name();
        }
        if (expr instanceof Expr.Lit) {
            return "literal";
        }
        if (expr instanceof Expr.Nearest) {
            return "nearest";
        }
        if (expr instanceof Expr.Search) {
            return "search";
        }
        if (expr instanceof Expr.Fuzzy) {
            return "fuzzy";
        }
        if (expr instanceof Expr.MatchText) {
            return "match_text";
        }
        if (expr instanceof Expr.Bm25) {
            return "bm25";
        }
        if (expr instanceof Expr.Rrf) {
            return "rrf";
        }
        if (expr instanceof Expr.Aggregate aggregate) {
            return aggregate.function().spelling();
        }
        return ((Expr.AliasRef) expr).name();
    }

    // ── literals ────────────────────────────────────────────────────────────────────────

    private ValueType literalType(Literal literal, Object node) {
        if (literal instanceof Literal.StringLit) {
            return STRING;
        }
        if (literal instanceof Literal.IntLit) {
            return ValueType.scalar(ScalarKind.I64, false);
        }
        if (literal instanceof Literal.FloatLit) {
            return F64;
        }
        if (literal instanceof Literal.BoolLit) {
            return BOOL;
        }
        if (literal instanceof Literal.DateLit) {
            return ValueType.scalar(ScalarKind.DATE, false);
        }
        if (literal instanceof Literal.DateTimeLit) {
            return DATE_TIME;
        }
        List<Literal> items = ((Literal.ListLit) literal).items();
        if (items.isEmpty()) {
            return ValueType.listOf(ScalarKind.STRING, false);
        }
        ValueType first = literalType(items.get(0), node);
        if (first.list()) {
            throw fail(LIST_LITERAL_SHAPE, node, "nested list literals are not supported");
        }
        for (Literal item : items.subList(1, items.size())) {
            ValueType itemType = literalType(item, node);
            if (itemType.list() || !first.compatibleWith(itemType)) {
                throw fail(LIST_LITERAL_SHAPE, node, "list literal elements must share a compatible scalar type");
            }
        }
        return ValueType.listOf(first.kind(), false);
    }

    /** The length of a non-empty list literal of only numbers (a vector literal), else empty. */
    private static OptionalInt numericVectorLength(Literal literal) {
        if (!(literal instanceof Literal.ListLit list) || list.items().isEmpty()) {
            return OptionalInt.empty();
        }
        for (Literal item : list.items()) {
            if (!(item instanceof Literal.IntLit || item instanceof Literal.FloatLit)) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(list.items().size());
    }

    private void checkLiteral(Literal literal, ValueType expected, String property, Object node) {
        if (!expected.list() && expected.isVector()) {
            OptionalInt dimension = numericVectorLength(literal);
            if (dimension.isPresent()) {
                if (dimension.getAsInt() == expected.vectorDimension()) {
                    return;
                }
                throw fail("T3", node, "property `" + property + "` has type Vector(" + expected.vectorDimension()
                        + ") but got vector literal with " + dimension.getAsInt() + " elements");
            }
        }
        ValueType literalType = literalType(literal, node);
        if (!literalType.compatibleWith(expected)) {
            throw fail("T3", node, "property `" + property + "` has type " + expected.displayName() + " but got "
                    + literalType.displayName());
        }
        if (expected.isEnum()) {
            List<String> candidates = new ArrayList<>();
            if (literal instanceof Literal.StringLit string) {
                candidates.add(string.value());
            } else if (literal instanceof Literal.ListLit list && expected.list()) {
                for (Literal item : list.items()) {
                    if (item instanceof Literal.StringLit string) {
                        candidates.add(string.value());
                    }
                }
            }
            for (String candidate : candidates) {
                if (!expected.enumValues().contains(candidate)) {
                    throw fail("T3", node, "property `" + property + "` expects one of ["
                            + String.join(", ", expected.enumValues()) + "], got '" + candidate + "'");
                }
            }
        }
    }

    private void checkNowValue(ValueType expected, String property, Object node) {
        if (expected.list() || expected.kind() != ScalarKind.DATE_TIME) {
            throw fail("T7", node, "cannot assign/compare DateTime with " + expected.displayName()
                    + " for property `" + property + "`");
        }
    }

    // ── mutations ───────────────────────────────────────────────────────────────────────

    private MutationTarget checkMutation(Mutation mutation, Map<String, ValueType> params) {
        if (mutation instanceof Mutation.Insert insert) {
            return checkInsert(insert, params);
        }
        if (mutation instanceof Mutation.Update update) {
            return checkUpdate(update, params);
        }
        return checkDelete((Mutation.Delete) mutation, params);
    }

    private MutationTarget checkInsert(Mutation.Insert insert, Map<String, ValueType> params) {
        if (insert.assignments().isEmpty()) {
            throw fail("T10", insert, "insert mutation requires at least one assignment");
        }
        requireDistinctAssignments(insert.assignments());
        Optional<NodeTypeInfo> node = catalog.nodeType(insert.typeName());
        if (node.isPresent()) {
            for (Assignment assignment : insert.assignments()) {
                ValueType property = node.get().property(assignment.property())
                        .orElseThrow(() -> noSuchProperty(insert.typeName(), assignment));
                checkValue(assignment.value(), params, property, assignment.property(), assignment);
            }
            Set<String> assigned = new HashSet<>();
            insert.assignments().forEach(a -> assigned.add(a.property()));
            for (Map.Entry<String, ValueType> entry : node.get().properties().entrySet()) {
                String name = entry.getKey();
                if (entry.getValue().nullable() || assigned.contains(name)) {
                    continue;
                }
                String embedSource = node.get().embedSources().get(name);
                if (embedSource != null) {
                    if (assigned.contains(embedSource)) {
                        continue;
                    }
                    throw fail("T12", insert, "insert for `" + insert.typeName() + "` must provide non-nullable property `"
                            + name + "` or @embed source `" + embedSource + "`");
                }
                throw fail("T12", insert, "insert for `" + insert.typeName() + "` must provide non-nullable property `"
                        + name + "`");
            }
            return new MutationTarget.Node(insert.typeName());
        }
        Optional<EdgeTypeInfo> edge = catalog.edgeType(insert.typeName());
        if (edge.isPresent()) {
            boolean hasFrom = false;
            boolean hasTo = false;
            for (Assignment assignment : insert.assignments()) {
                switch (assignment.property()) {
                    case "from" -> {
                        hasFrom = true;
                        checkValue(assignment.value(), params, STRING, "from", assignment);
                    }
                    case "to" -> {
                        hasTo = true;
                        checkValue(assignment.value(), params, STRING, "to", assignment);
                    }
                    default -> {
                        ValueType property = edge.get().property(assignment.property())
                                .orElseThrow(() -> noSuchProperty(insert.typeName(), assignment));
                        checkValue(assignment.value(), params, property, assignment.property(), assignment);
                    }
                }
            }
            if (!hasFrom) {
                throw fail("T12", insert, "insert for `" + insert.typeName() + "` must provide required endpoint `from`");
            }
            if (!hasTo) {
                throw fail("T12", insert, "insert for `" + insert.typeName() + "` must provide required endpoint `to`");
            }
            for (Map.Entry<String, ValueType> entry : edge.get().properties().entrySet()) {
                boolean assigned = insert.assignments().stream().anyMatch(a -> a.property().equals(entry.getKey()));
                if (!entry.getValue().nullable() && !assigned) {
                    throw fail("T12", insert, "insert for `" + insert.typeName()
                            + "` must provide non-nullable property `" + entry.getKey() + "`");
                }
            }
            return new MutationTarget.Edge(insert.typeName());
        }
        throw fail("T10", insert, "unknown node/edge type `" + insert.typeName() + "`");
    }

    private MutationTarget checkUpdate(Mutation.Update update, Map<String, ValueType> params) {
        Optional<NodeTypeInfo> node = catalog.nodeType(update.typeName());
        if (node.isEmpty()) {
            if (catalog.edgeType(update.typeName()).isPresent()) {
                throw fail("T16", update, "update mutation for edge type `" + update.typeName() + "` is not supported");
            }
            throw fail("T10", update, "unknown node/edge type `" + update.typeName() + "`");
        }
        if (update.assignments().isEmpty()) {
            throw fail("T10", update, "update mutation requires at least one assignment");
        }
        requireDistinctAssignments(update.assignments());
        for (Assignment assignment : update.assignments()) {
            ValueType property = node.get().property(assignment.property())
                    .orElseThrow(() -> noSuchProperty(update.typeName(), assignment));
            checkValue(assignment.value(), params, property, assignment.property(), assignment);
        }
        checkPredicate(update.typeName(), update.where(), node.get().properties(), false, params);
        return new MutationTarget.Node(update.typeName());
    }

    private MutationTarget checkDelete(Mutation.Delete delete, Map<String, ValueType> params) {
        Optional<NodeTypeInfo> node = catalog.nodeType(delete.typeName());
        if (node.isPresent()) {
            checkPredicate(delete.typeName(), delete.where(), node.get().properties(), false, params);
            return new MutationTarget.Node(delete.typeName());
        }
        Optional<EdgeTypeInfo> edge = catalog.edgeType(delete.typeName());
        if (edge.isPresent()) {
            checkPredicate(delete.typeName(), delete.where(), edge.get().properties(), true, params);
            return new MutationTarget.Edge(delete.typeName());
        }
        throw fail("T10", delete, "unknown node/edge type `" + delete.typeName() + "`");
    }

    private void checkPredicate(String typeName, MutationPredicate predicate, Map<String, ValueType> properties,
                                boolean edgeEndpointsAllowed, Map<String, ValueType> params) {
        String name = predicate.property();
        if (edgeEndpointsAllowed && (name.equals("from") || name.equals("to"))) {
            checkValue(predicate.value(), params, STRING, name, predicate);
            return;
        }
        ValueType property = properties.get(name);
        if (property == null) {
            throw fail("T11", predicate, "type `" + typeName + "` has no property `" + name + "`");
        }
        if (property.isBlob()) {
            throw fail("T11", predicate, "blob property `" + name + "` cannot be used in WHERE predicates");
        }
        checkValue(predicate.value(), params, property, name, predicate);
    }

    private void requireDistinctAssignments(List<Assignment> assignments) {
        Set<String> seen = new HashSet<>();
        for (Assignment assignment : assignments) {
            if (!seen.add(assignment.property())) {
                throw fail("T13", assignment, "duplicate assignment for property `" + assignment.property() + "`");
            }
        }
    }

    private LanguageException noSuchProperty(String typeName, Assignment assignment) {
        return fail("T11", assignment, "type `" + typeName + "` has no property `" + assignment.property() + "`");
    }

    /** Assignment and predicate values: literal, declared {@code $param} (T14) or {@code now()}. */
    private void checkValue(MatchValue value, Map<String, ValueType> params, ValueType expected, String property,
                            Object node) {
        if (value instanceof Expr.Lit lit) {
            checkLiteral(lit.value(), expected, property, node);
        } else if (value instanceof Expr.Var variable) {
            ValueType actual = params.get(variable.name());
            if (actual == null) {
                throw fail("T14", node, "mutation variable `$" + variable.name() + "` must be a declared query parameter");
            }
            // A String parameter may be assigned to a Blob property (a URI the engine resolves).
            boolean uriToBlob = expected.isBlob() && actual.kind() == ScalarKind.STRING && !actual.list();
            if (!actual.compatibleWith(expected) && !uriToBlob) {
                throw fail("T7", node, "cannot assign/compare " + actual.displayName() + " with "
                        + expected.displayName() + " for property `" + property + "`");
            }
        } else {
            checkNowValue(expected, property, node);
        }
    }

    // ── diagnostics ─────────────────────────────────────────────────────────────────────

    private LanguageException fail(String code, Object node, String message) {
        Span span = positions.spanOr(node, query);
        return new LanguageException(Diagnostic.error(code, message, span), source);
    }
}
