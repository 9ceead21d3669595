package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.ast.Assignment;
import dev.omnigraph.domain.query.ast.Clause;
import dev.omnigraph.domain.query.ast.Expr;
import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.ast.MatchValue;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.MutationPredicate;
import dev.omnigraph.domain.query.ast.Ordering;
import dev.omnigraph.domain.query.ast.Projection;
import dev.omnigraph.domain.query.ast.PropMatch;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.typecheck.BoundVariable;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.Direction;
import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.domain.query.typecheck.MutationTarget;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.ResultField;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lowers a typechecked query to its logical plan.
 *
 * <p>Read queries follow the reference lowering ({@code ir/lower.rs}): within one clause list, the
 * first binding of each traversal-connected component becomes a {@link MatchOp.NodeScan}; the other
 * bindings of the component are reached by {@link MatchOp.Expand}s, processed repeatedly until every
 * traversal has a bound endpoint; a traversal whose two endpoints are already bound closes a cycle
 * (expand to {@code __temp_<dst>}, then filter on equal ids); {@code not} blocks become
 * {@link MatchOp.AntiJoin}s. Two deliberate differences: filters on a single variable are pushed into
 * the scan or expand that introduces it (§3.2 of the engine notes; the reference pushes them later, in
 * its executor), and a traversal with no bound endpoint at all gets a scan of its source type instead
 * of being left out.
 *
 * <p>Direction is inferred as the typechecker does: relative to the source, OUT when the source's type
 * is the edge's {@code from} type, IN when it is the {@code to} type, judged from the destination when
 * the source's type is not known, OUT when neither is; undirected traversals are BOTH. An expand that
 * starts from the written destination reverses the direction.
 */
public final class QueryPlanner {

    private static final String TEMP_PREFIX = "__temp_";

    private final QueryCatalog catalog;
    private final Map<String, ValueType> params;

    private QueryPlanner(QueryCatalog catalog, Map<String, ValueType> params) {
        this.catalog = catalog;
        this.params = params;
    }

    /** Plans a query that passed {@link dev.omnigraph.domain.query.typecheck.QueryTypeChecker}. */
    public static QueryPlan plan(QueryCatalog catalog, CheckedQuery checked) {
        QueryPlanner planner = new QueryPlanner(catalog, checked.parameters());
        if (checked instanceof CheckedQuery.Read read) {
            return new QueryPlan.Read(planner.planRead(read));
        }
        return new QueryPlan.Write(planner.planMutation((CheckedQuery.Mutation) checked));
    }

    // ── read ────────────────────────────────────────────────────────────────────────────

    private ReadPlan planRead(CheckedQuery.Read read) {
        QueryBody.ReadBody body = (QueryBody.ReadBody) read.query().body();
        Map<String, String> knownNodeTypes = new HashMap<>();
        Map<String, String> knownEdgeBindings = new HashMap<>();
        read.bindings().forEach((name, bound) -> {
            if (bound instanceof BoundVariable.Node) {
                knownNodeTypes.put(name, bound.typeName());
            } else {
                knownEdgeBindings.put(name, bound.typeName());
            }
        });
        Set<String> bound = new LinkedHashSet<>();
        List<MatchOp> match = lowerClauses(body.match(), bound, knownNodeTypes, knownEdgeBindings);

        boolean aggregate = body.returns().stream().anyMatch(p -> p.expr() instanceof Expr.Aggregate);
        List<OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < body.returns().size(); i++) {
            Projection projection = body.returns().get(i);
            ResultField field = read.result().get(i);
            String name = projection.alias().orElseGet(() -> runtimeColumnName(projection.expr()));
            columns.add(new OutputColumn(name, expr(projection.expr()), field.type(), field.nullable()));
        }
        OutputStage output = aggregate ? new OutputStage.Aggregate(columns) : new OutputStage.Project(columns);

        Optional<Order> order = Optional.empty();
        if (!body.order().isEmpty()) {
            List<SortKey> keys = new ArrayList<>();
            for (Ordering ordering : body.order()) {
                keys.add(SortKey.of(expr(ordering.expr()), ordering.descending()));
            }
            List<String> tieBreak = aggregate ? List.of() : entityVariables(match, new TreeSet<>());
            order = Optional.of(new Order(keys, tieBreak));
        }
        return new ReadPlan(read.query().name(), params, match, output, order, body.limit());
    }

    /** Every user-visible entity variable bound by the top-level pipeline, sorted by name. */
    private static List<String> entityVariables(List<MatchOp> ops, TreeSet<String> into) {
        for (MatchOp op : ops) {
            if (op instanceof MatchOp.NodeScan scan) {
                into.add(scan.variable());
            } else if (op instanceof MatchOp.Expand expand) {
                if (!expand.destination().equals("_") && !expand.destination().startsWith(TEMP_PREFIX)) {
                    into.add(expand.destination());
                }
                expand.edgeBinding().ifPresent(into::add);
            }
        }
        return List.copyOf(into);
    }

    /** The executor's column name for an un-aliased projection (see {@link OutputColumn#name()}). */
    public static String runtimeColumnName(Expr expr) {
        if (expr instanceof Expr.Prop prop) {
            return prop.variable() + "." + prop.property();
        }
        if (expr instanceof Expr.Var variable) {
            return variable.name();
        }
        if (expr instanceof Expr.NowCall) {
            return "now";
        }
        if (expr instanceof Expr.Lit) {
            return "literal";
        }
        if (expr instanceof Expr.AliasRef alias) {
            return alias.name();
        }
        return QueryTypeChecker.defaultColumnName(expr);
    }

    /** Mutable form of a scan or expand while filters are still being pushed into it. */
    private static final class Introduction {
        final MatchOp.NodeScan scan;
        final MatchOp.Expand expand;
        final List<PlanFilter> filters;

        Introduction(MatchOp.NodeScan scan, MatchOp.Expand expand, List<PlanFilter> filters) {
            this.scan = scan;
            this.expand = expand;
            this.filters = new ArrayList<>(filters);
        }

        MatchOp freeze() {
            if (scan != null) {
                return new MatchOp.NodeScan(scan.variable(), scan.typeName(), filters);
            }
            return new MatchOp.Expand(expand.source(), expand.destination(), expand.edgeType(), expand.direction(),
                    expand.destinationType(), expand.minHops(), expand.maxHops(), filters, expand.edgeBinding());
        }
    }

    /**
     * Lowers one clause list. {@code bound} holds the variables already bound by enclosing pipelines
     * and receives the ones bound here; the type maps hold what typechecking declared.
     */
    private List<MatchOp> lowerClauses(List<Clause> clauses, Set<String> bound, Map<String, String> outerNodeTypes,
                                       Map<String, String> outerEdgeBindings) {
        List<Clause.Binding> bindings = new ArrayList<>();
        List<Clause.Traversal> traversals = new ArrayList<>();
        List<Clause.Filter> filters = new ArrayList<>();
        List<Clause.Negation> negations = new ArrayList<>();
        for (Clause clause : clauses) {
            if (clause instanceof Clause.Binding b) {
                bindings.add(b);
            } else if (clause instanceof Clause.Traversal t) {
                traversals.add(t);
            } else if (clause instanceof Clause.Filter f) {
                filters.add(f);
            } else {
                negations.add((Clause.Negation) clause);
            }
        }

        // Declared types visible here: outer ones, then this list's traversal endpoints and bindings.
        Map<String, String> nodeTypes = new HashMap<>(outerNodeTypes);
        Map<String, String> edgeBindings = new HashMap<>(outerEdgeBindings);
        for (Clause.Traversal t : traversals) {
            catalog.edgeForTraversal(t.edgeName()).ifPresent(edge -> {
                Direction direction = inferDirection(t, edge, nodeTypes);
                boolean out = direction != Direction.IN;
                nodeTypes.putIfAbsent(t.source(), out ? edge.fromType() : edge.toType());
                nodeTypes.putIfAbsent(t.destination(), out ? edge.toType() : edge.fromType());
                t.edgeBinding().filter(name -> !name.equals("_")).ifPresent(name -> edgeBindings.putIfAbsent(name, edge.name()));
            });
        }
        for (Clause.Binding b : bindings) {
            nodeTypes.put(b.variable(), b.typeName());
        }

        Set<String> deferred = deferredBindings(bindings, traversals);
        List<Introduction> introductions = new ArrayList<>();
        Map<String, Introduction> introducedHere = new HashMap<>();
        Map<String, List<PlanFilter>> deferredFilters = new HashMap<>();

        for (Clause.Binding binding : bindings) {
            List<PlanFilter> bindingFilters = bindingFilters(binding);
            if (deferred.contains(binding.variable())) {
                deferredFilters.computeIfAbsent(binding.variable(), v -> new ArrayList<>()).addAll(bindingFilters);
                continue;
            }
            if (bound.contains(binding.variable())) {
                // Already bound by an enclosing pipeline (a binding repeated inside `not`): only filter.
                deferredFilters.computeIfAbsent(binding.variable(), v -> new ArrayList<>()).addAll(bindingFilters);
                continue;
            }
            Introduction scan = new Introduction(
                    new MatchOp.NodeScan(binding.variable(), binding.typeName(), List.of()), null, bindingFilters);
            introductions.add(scan);
            introducedHere.put(binding.variable(), scan);
            bound.add(binding.variable());
        }

        List<MatchOp> cycleFilters = new ArrayList<>();
        List<Clause.Traversal> remaining = new ArrayList<>(traversals);
        while (!remaining.isEmpty()) {
            List<Clause.Traversal> next = new ArrayList<>();
            for (Clause.Traversal traversal : remaining) {
                boolean sourceBound = bound.contains(traversal.source());
                boolean destinationBound = bound.contains(traversal.destination());
                if (!sourceBound && !destinationBound) {
                    next.add(traversal);
                    continue;
                }
                lowerTraversal(traversal, sourceBound, destinationBound, nodeTypes, bound, introductions,
                        introducedHere, deferredFilters, cycleFilters);
            }
            if (next.size() == remaining.size()) {
                // No traversal could start: scan the source type of the first one and go on.
                Clause.Traversal first = next.get(0);
                String sourceType = nodeTypes.get(first.source());
                if (first.source().equals("_") || sourceType == null) {
                    break;
                }
                Introduction scan = new Introduction(new MatchOp.NodeScan(first.source(), sourceType, List.of()), null,
                        deferredFilters.getOrDefault(first.source(), List.of()));
                deferredFilters.remove(first.source());
                introductions.add(scan);
                introducedHere.put(first.source(), scan);
                bound.add(first.source());
            }
            remaining = next;
        }

        List<MatchOp> pipeline = new ArrayList<>();
        List<MatchOp> lateFilters = new ArrayList<>(cycleFilters);
        // Binding filters that found no introducing op here (variable bound outside) run as filters.
        deferredFilters.values().forEach(list -> list.forEach(f -> lateFilters.add(new MatchOp.Filter(f))));

        for (Clause.Filter filter : filters) {
            PlanFilter planFilter = new PlanFilter(expr(filter.left()), filterOp(filter, nodeTypes, edgeBindings),
                    expr(filter.right()));
            Set<String> variables = new HashSet<>();
            collectVariables(filter.left(), variables);
            collectVariables(filter.right(), variables);
            Introduction target = null;
            if (variables.size() == 1) {
                target = introducedHere.get(variables.iterator().next());
            }
            if (target != null) {
                target.filters.add(planFilter);
            } else {
                lateFilters.add(new MatchOp.Filter(planFilter));
            }
        }
        introductions.forEach(i -> pipeline.add(i.freeze()));
        pipeline.addAll(lateFilters);

        for (Clause.Negation negation : negations) {
            String outer = outerVariable(negation.clauses(), bound);
            Set<String> innerBound = new LinkedHashSet<>(bound);
            List<MatchOp> inner = lowerClauses(negation.clauses(), innerBound, nodeTypes, edgeBindings);
            pipeline.add(new MatchOp.AntiJoin(outer, inner));
        }
        return pipeline;
    }

    private void lowerTraversal(Clause.Traversal traversal, boolean sourceBound, boolean destinationBound,
                                Map<String, String> nodeTypes, Set<String> bound, List<Introduction> introductions,
                                Map<String, Introduction> introducedHere, Map<String, List<PlanFilter>> deferredFilters,
                                List<MatchOp> cycleFilters) {
        EdgeTypeInfo edge = catalog.edgeForTraversal(traversal.edgeName()).orElseThrow(
                () -> new IllegalStateException("edge `" + traversal.edgeName() + "` vanished after typechecking"));
        Direction direction = inferDirection(traversal, edge, nodeTypes);
        Optional<String> edgeBinding = traversal.edgeBinding().filter(name -> !name.equals("_"));
        long maxHops = traversal.maxHops().orElseThrow();
        String reachedFromSource = direction == Direction.IN ? edge.fromType() : edge.toType();
        String reachedFromDestination = direction == Direction.IN ? edge.toType() : edge.fromType();

        if (sourceBound && destinationBound) {
            String temp = TEMP_PREFIX + traversal.destination();
            introductions.add(new Introduction(null, new MatchOp.Expand(traversal.source(), temp, edge.name(), direction,
                    reachedFromSource, traversal.minHops(), maxHops, List.of(), edgeBinding), List.of()));
            cycleFilters.add(new MatchOp.Filter(new PlanFilter(new PlanExpr.Property(temp, "id"), FilterOp.EQ,
                    new PlanExpr.Property(traversal.destination(), "id"))));
        } else if (sourceBound) {
            Introduction expand = new Introduction(null, new MatchOp.Expand(traversal.source(), traversal.destination(),
                    edge.name(), direction, reachedFromSource, traversal.minHops(), maxHops, List.of(), edgeBinding),
                    takeDeferred(deferredFilters, traversal.destination()));
            introductions.add(expand);
            if (!traversal.destination().equals("_")) {
                introducedHere.put(traversal.destination(), expand);
                bound.add(traversal.destination());
            }
        } else {
            Introduction expand = new Introduction(null, new MatchOp.Expand(traversal.destination(), traversal.source(),
                    edge.name(), direction.reversed(), reachedFromDestination, traversal.minHops(), maxHops, List.of(),
                    edgeBinding), takeDeferred(deferredFilters, traversal.source()));
            introductions.add(expand);
            if (!traversal.source().equals("_")) {
                introducedHere.put(traversal.source(), expand);
                bound.add(traversal.source());
            }
        }
        edgeBinding.ifPresent(bound::add);
    }

    private static List<PlanFilter> takeDeferred(Map<String, List<PlanFilter>> deferredFilters, String variable) {
        List<PlanFilter> filters = deferredFilters.remove(variable);
        return filters == null ? List.of() : filters;
    }

    /** Direction relative to the written source; see the class comment. */
    private static Direction inferDirection(Clause.Traversal traversal, EdgeTypeInfo edge, Map<String, String> nodeTypes) {
        if (traversal.undirected()) {
            return Direction.BOTH;
        }
        String sourceType = nodeTypes.get(traversal.source());
        if (sourceType != null) {
            return sourceType.equals(edge.fromType()) ? Direction.OUT : Direction.IN;
        }
        String destinationType = nodeTypes.get(traversal.destination());
        if (destinationType != null) {
            return destinationType.equals(edge.toType()) ? Direction.OUT : Direction.IN;
        }
        return Direction.OUT;
    }

    /**
     * Bindings reached through traversals from an earlier binding of the same component: only the
     * first binding of each traversal-connected component is scanned.
     */
    private static Set<String> deferredBindings(List<Clause.Binding> bindings, List<Clause.Traversal> traversals) {
        Map<String, List<String>> adjacent = new HashMap<>();
        for (Clause.Traversal t : traversals) {
            if (!t.source().equals("_") && !t.destination().equals("_")) {
                adjacent.computeIfAbsent(t.source(), k -> new ArrayList<>()).add(t.destination());
                adjacent.computeIfAbsent(t.destination(), k -> new ArrayList<>()).add(t.source());
            }
        }
        Set<String> bindingVariables = new HashSet<>();
        bindings.forEach(b -> bindingVariables.add(b.variable()));
        Set<String> visited = new HashSet<>();
        Set<String> deferred = new HashSet<>();
        for (Clause.Binding binding : bindings) {
            if (visited.contains(binding.variable())) {
                continue;
            }
            Deque<String> queue = new ArrayDeque<>(List.of(binding.variable()));
            List<String> componentBindings = new ArrayList<>();
            while (!queue.isEmpty()) {
                String variable = queue.poll();
                if (!visited.add(variable)) {
                    continue;
                }
                if (bindingVariables.contains(variable)) {
                    componentBindings.add(variable);
                }
                for (String neighbour : adjacent.getOrDefault(variable, List.of())) {
                    if (!visited.contains(neighbour)) {
                        queue.add(neighbour);
                    }
                }
            }
            deferred.addAll(componentBindings.subList(Math.min(1, componentBindings.size()), componentBindings.size()));
        }
        return deferred;
    }

    /** A binding's property map as filters: list properties match by membership, others by equality. */
    private List<PlanFilter> bindingFilters(Clause.Binding binding) {
        NodeTypeInfo node = catalog.nodeType(binding.typeName()).orElseThrow(
                () -> new IllegalStateException("type `" + binding.typeName() + "` vanished after typechecking"));
        List<PlanFilter> filters = new ArrayList<>();
        for (PropMatch match : binding.propMatches()) {
            boolean list = node.property(match.property()).map(ValueType::list).orElse(false);
            filters.add(new PlanFilter(new PlanExpr.Property(binding.variable(), match.property()),
                    list ? FilterOp.LIST_CONTAINS : FilterOp.EQ, value(match.value())));
        }
        return filters;
    }

    private FilterOp filterOp(Clause.Filter filter, Map<String, String> nodeTypes, Map<String, String> edgeBindings) {
        return switch (filter.op()) {
            case EQ -> FilterOp.EQ;
            case NE -> FilterOp.NE;
            case LT -> FilterOp.LT;
            case LE -> FilterOp.LE;
            case GT -> FilterOp.GT;
            case GE -> FilterOp.GE;
            case STARTS_WITH -> FilterOp.STARTS_WITH;
            case CONTAINS -> leftIsScalarString(filter.left(), nodeTypes, edgeBindings)
                    ? FilterOp.STRING_CONTAINS : FilterOp.LIST_CONTAINS;
        };
    }

    private boolean leftIsScalarString(Expr left, Map<String, String> nodeTypes, Map<String, String> edgeBindings) {
        Optional<ValueType> type = Optional.empty();
        if (left instanceof Expr.Prop prop) {
            if (edgeBindings.containsKey(prop.variable())) {
                type = catalog.edgeForTraversal(edgeBindings.get(prop.variable())).flatMap(e -> e.property(prop.property()));
            } else if (nodeTypes.containsKey(prop.variable())) {
                type = catalog.nodeType(nodeTypes.get(prop.variable())).flatMap(n -> n.property(prop.property()));
            }
        } else if (left instanceof Expr.Lit lit) {
            return lit.value() instanceof Literal.StringLit;
        } else if (left instanceof Expr.Var variable) {
            type = Optional.ofNullable(params.get(variable.name()));
        }
        return type.map(ValueType::isScalarString).orElse(false);
    }

    /** The first outer variable a negation's direct clauses mention (the anti-join key). */
    private String outerVariable(List<Clause> clauses, Set<String> outer) {
        for (Clause clause : clauses) {
            if (clause instanceof Clause.Traversal t) {
                if (outer.contains(t.source())) {
                    return t.source();
                }
                if (outer.contains(t.destination())) {
                    return t.destination();
                }
            } else if (clause instanceof Clause.Filter f) {
                Set<String> variables = new LinkedHashSet<>();
                collectVariables(f.left(), variables);
                collectVariables(f.right(), variables);
                for (String variable : variables) {
                    if (outer.contains(variable)) {
                        return variable;
                    }
                }
            } else if (clause instanceof Clause.Binding b && outer.contains(b.variable())) {
                return b.variable();
            }
        }
        return "";
    }

    /** Bound variables an expression reads ({@code $param}s are not variables). */
    private void collectVariables(Expr expr, Set<String> into) {
        if (expr instanceof Expr.Prop prop) {
            into.add(prop.variable());
        } else if (expr instanceof Expr.Var variable) {
            if (!params.containsKey(variable.name())) {
                into.add(variable.name());
            }
        } else if (expr instanceof Expr.Nearest nearest) {
            into.add(nearest.variable());
            collectVariables(nearest.query(), into);
        } else if (expr instanceof Expr.Search s) {
            collectVariables(s.field(), into);
            collectVariables(s.query(), into);
        } else if (expr instanceof Expr.Fuzzy f) {
            collectVariables(f.field(), into);
            collectVariables(f.query(), into);
            f.maxEdits().ifPresent(m -> collectVariables(m, into));
        } else if (expr instanceof Expr.MatchText m) {
            collectVariables(m.field(), into);
            collectVariables(m.query(), into);
        } else if (expr instanceof Expr.Bm25 b) {
            collectVariables(b.field(), into);
            collectVariables(b.query(), into);
        } else if (expr instanceof Expr.Rrf r) {
            collectVariables(r.primary(), into);
            collectVariables(r.secondary(), into);
            r.k().ifPresent(k -> collectVariables(k, into));
        } else if (expr instanceof Expr.Aggregate a) {
            collectVariables(a.argument(), into);
        }
    }

    private PlanExpr expr(Expr expr) {
        if (expr instanceof Expr.Prop prop) {
            return new PlanExpr.Property(prop.variable(), prop.property());
        }
        if (expr instanceof Expr.Var variable) {
            return params.containsKey(variable.name())
                    ? new PlanExpr.Param(variable.name()) : new PlanExpr.Entity(variable.name());
        }
        if (expr instanceof Expr.Lit lit) {
            return new PlanExpr.Constant(lit.value());
        }
        if (expr instanceof Expr.NowCall) {
            return new PlanExpr.Now();
        }
        if (expr instanceof Expr.Nearest nearest) {
            return new PlanExpr.Nearest(nearest.variable(), nearest.property(), expr(nearest.query()));
        }
        if (expr instanceof Expr.Search s) {
            return new PlanExpr.TextSearch(PlanExpr.TextFunction.SEARCH, expr(s.field()), expr(s.query()), Optional.empty());
        }
        if (expr instanceof Expr.Fuzzy f) {
            return new PlanExpr.TextSearch(PlanExpr.TextFunction.FUZZY, expr(f.field()), expr(f.query()),
                    f.maxEdits().map(this::expr));
        }
        if (expr instanceof Expr.MatchText m) {
            return new PlanExpr.TextSearch(PlanExpr.TextFunction.MATCH_TEXT, expr(m.field()), expr(m.query()),
                    Optional.empty());
        }
        if (expr instanceof Expr.Bm25 b) {
            return new PlanExpr.TextSearch(PlanExpr.TextFunction.BM25, expr(b.field()), expr(b.query()), Optional.empty());
        }
        if (expr instanceof Expr.Rrf r) {
            return new PlanExpr.Rrf(expr(r.primary()), expr(r.secondary()), r.k().map(this::expr));
        }
        if (expr instanceof Expr.Aggregate a) {
            return new PlanExpr.Aggregate(a.function(), expr(a.argument()));
        }
        return new PlanExpr.ColumnRef(((Expr.AliasRef) expr).name());
    }

    private PlanExpr value(MatchValue value) {
        return expr((Expr) value);
    }

    // ── mutations ───────────────────────────────────────────────────────────────────────

    private static final ValueType ENDPOINT_ID = ValueType.scalar(ScalarKind.STRING, false);

    private MutationPlan planMutation(CheckedQuery.Mutation checked) {
        List<Mutation> statements = ((QueryBody.MutationBody) checked.query().body()).statements();
        List<MutationOp> operations = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            operations.add(mutation(statements.get(i), checked.targets().get(i)));
        }
        return new MutationPlan(checked.query().name(), params, operations);
    }

    private MutationOp mutation(Mutation statement, MutationTarget target) {
        boolean node = target instanceof MutationTarget.Node;
        Map<String, ValueType> properties = node
                ? catalog.nodeType(target.typeName()).orElseThrow().properties()
                : catalog.edgeType(target.typeName()).orElseThrow().properties();
        if (statement instanceof Mutation.Insert insert) {
            if (node) {
                return new MutationOp.InsertNode(insert.typeName(), assignments(insert.assignments(), properties));
            }
            PlanExpr from = null;
            PlanExpr to = null;
            List<Assignment> rest = new ArrayList<>();
            for (Assignment assignment : insert.assignments()) {
                switch (assignment.property()) {
                    case "from" -> from = value(assignment.value());
                    case "to" -> to = value(assignment.value());
                    default -> rest.add(assignment);
                }
            }
            return new MutationOp.InsertEdge(insert.typeName(), from, to, assignments(rest, properties));
        }
        if (statement instanceof Mutation.Update update) {
            return new MutationOp.UpdateNodes(update.typeName(), assignments(update.assignments(), properties),
                    predicate(update.where(), properties));
        }
        Mutation.Delete delete = (Mutation.Delete) statement;
        if (node) {
            List<String> cascade = catalog.incidentEdges(delete.typeName()).stream().map(EdgeTypeInfo::name).toList();
            return new MutationOp.DeleteNodes(delete.typeName(), predicate(delete.where(), properties), cascade);
        }
        return new MutationOp.DeleteEdges(delete.typeName(), predicate(delete.where(), properties));
    }

    private List<MutationOp.PlanAssignment> assignments(List<Assignment> assignments, Map<String, ValueType> properties) {
        List<MutationOp.PlanAssignment> result = new ArrayList<>();
        for (Assignment assignment : assignments) {
            result.add(new MutationOp.PlanAssignment(assignment.property(), value(assignment.value()),
                    properties.get(assignment.property())));
        }
        return result;
    }

    private MutationOp.PlanPredicate predicate(MutationPredicate where, Map<String, ValueType> properties) {
        ValueType type = properties.getOrDefault(where.property(), ENDPOINT_ID);
        FilterOp op = switch (where.op()) {
            case EQ -> FilterOp.EQ;
            case NE -> FilterOp.NE;
            case LT -> FilterOp.LT;
            case LE -> FilterOp.LE;
            case GT -> FilterOp.GT;
            case GE -> FilterOp.GE;
            case CONTAINS, STARTS_WITH -> throw new IllegalStateException("the parser rejects " + where.op());
        };
        return new MutationOp.PlanPredicate(where.property(), op, value(where.value()), type);
    }
}
