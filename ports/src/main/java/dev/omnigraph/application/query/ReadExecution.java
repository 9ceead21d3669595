package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.plan.MatchOp;
import dev.omnigraph.domain.query.plan.OutputColumn;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.PlanFilter;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.plan.SortKey;
import dev.omnigraph.domain.query.typecheck.Direction;
import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One run of a read plan's {@code match} pipeline over one snapshot (engine notes §3.2): node scans
 * with pushed-down filters, joins on shared variables, expansions over the cached adjacency with BFS
 * set semantics, in-memory filters and anti-joins. Single-threaded; one instance per execution.
 */
final class ReadExecution {

    /** The anonymous variable {@code $_}: bound per row but never read, and never joined on. */
    private static final String ANONYMOUS = "_";

    private final GraphReader reader;
    private final QueryCatalog catalog;
    private final ExpressionEvaluator evaluator;
    private final FilterPushdown pushdown;
    private final AdjacencyCache adjacency;
    private final RowPositionCache positions;
    private final Map<String, Set<String>> readProperties;
    private int tags;

    ReadExecution(GraphReader reader, ReadPlan plan, ExpressionEvaluator evaluator, AdjacencyCache adjacency,
                  RowPositionCache positions) {
        this.reader = reader;
        this.catalog = reader.catalog();
        this.evaluator = evaluator;
        this.pushdown = new FilterPushdown(evaluator);
        this.adjacency = adjacency;
        this.positions = positions;
        this.readProperties = readProperties(plan);
    }

    /** Runs the pipeline from the neutral one-row frame. */
    Frame run(List<MatchOp> match) {
        return runPipeline(match, Frame.unit());
    }

    private Frame runPipeline(List<MatchOp> ops, Frame start) {
        Frame frame = start;
        for (MatchOp op : ops) {
            if (op instanceof MatchOp.NodeScan scan) {
                frame = scan(scan, frame);
            } else if (op instanceof MatchOp.Expand expand) {
                frame = expand(expand, frame);
            } else if (op instanceof MatchOp.Filter filter) {
                frame = filter(frame, List.of(filter.filter()));
            } else {
                frame = antiJoin((MatchOp.AntiJoin) op, frame);
            }
        }
        return frame;
    }

    // ── scans ────────────────────────────────────────────────────────────────────────────

    private Frame scan(MatchOp.NodeScan scan, Frame input) {
        String variable = scan.variable();
        NodeTypeInfo type = catalog.nodeType(scan.typeName()).orElseThrow(() ->
                new InvalidQueryPlanException("node type `" + scan.typeName() + "` is not in the snapshot's schema"));
        Split split = split(scan.filters(), variable, type.properties());
        EntityRows rows = new EntityRows("node:" + type.name(), type.properties(), columns(variable, type.properties()));
        Optional<String> lookedUp = identifyingValue(split.pushed(), type);
        if (lookedUp.isPresent()) {
            // A point lookup: read the one row by position, then check every filter of the op on it.
            readByIds(rows, List.of(lookedUp.get()));
            split = new Split(List.of(), pushedBack(scan.filters(), split), split.afterJoin());
        } else {
            rows.readAll(reader.scan(rows.tableKey(), request(rows, split.pushed())));
        }

        List<int[]> all = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            all.add(new int[] {i});
        }
        Frame scanned = filter(new Frame(List.of(variable), List.of(rows), all), split.inMemory());

        Frame joined;
        if (input.binds(variable) && !variable.equals(ANONYMOUS)) {
            Set<String> ids = new HashSet<>();
            for (int[] row : scanned.rows()) {
                ids.add(rows.id(row[0]));
            }
            joined = input.filter(row -> ids.contains(input.id(variable, row)));
        } else {
            List<int[]> product = new ArrayList<>();
            for (int[] left : input.rows()) {
                for (int[] right : scanned.rows()) {
                    product.add(Frame.append(left, right[0]));
                }
            }
            joined = input.extendedBy(variable, rows, product);
        }
        return filter(joined, split.afterJoin());
    }

    /** Filters of one op: pushed to the table, evaluated on the op's own rows, or after joining. */
    private record Split(List<TableFilter> pushed, List<PlanFilter> inMemory, List<PlanFilter> afterJoin) {
    }

    private Split split(List<PlanFilter> filters, String variable, Map<String, ValueType> properties) {
        List<TableFilter> pushed = new ArrayList<>();
        List<PlanFilter> inMemory = new ArrayList<>();
        List<PlanFilter> afterJoin = new ArrayList<>();
        for (PlanFilter filter : filters) {
            Set<String> variables = new HashSet<>();
            ExpressionEvaluator.variables(filter.left(), variables);
            ExpressionEvaluator.variables(filter.right(), variables);
            variables.remove(variable);
            if (!variables.isEmpty()) {
                afterJoin.add(filter);
                continue;
            }
            Optional<TableFilter> translated = pushdown.translate(filter, variable, properties);
            if (translated.isPresent()) {
                pushed.add(translated.get());
            } else {
                inMemory.add(filter);
            }
        }
        return new Split(pushed, inMemory, afterJoin);
    }

    /**
     * The id a conjunction of pushed filters pins the scanned node to: an equality on {@code id}, or on
     * the single String {@code @key} (a keyed node's id is its key's canonical spelling, which for a
     * String is the string itself).
     */
    private static Optional<String> identifyingValue(List<TableFilter> pushed, NodeTypeInfo type) {
        String stringKey = type.keyProperties().size() == 1
                && type.properties().get(type.keyProperties().get(0)).kind() == ScalarKind.STRING
                && !type.properties().get(type.keyProperties().get(0)).list() ? type.keyProperties().get(0) : null;
        for (TableFilter filter : pushed) {
            if (filter instanceof TableFilter.Compare compare && compare.operator() == TableFilter.Operator.EQ
                    && compare.value() instanceof String value
                    && (EntityRows.ID.equals(compare.column()) || compare.column().equals(stringKey))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The op's own filters that {@code split} pushed down, now to be evaluated in memory. */
    private static List<PlanFilter> pushedBack(List<PlanFilter> filters, Split split) {
        List<PlanFilter> inMemory = new ArrayList<>();
        for (PlanFilter filter : filters) {
            if (!split.afterJoin().contains(filter)) {
                inMemory.add(filter);
            }
        }
        return inMemory;
    }

    /** Reads the rows with these ids (ids without a row are skipped) by their storage positions. */
    private void readByIds(EntityRows rows, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        RowPositionCache.RowPositions index = positions.get(reader, rows.tableKey());
        long[] wanted = new long[ids.size()];
        int count = 0;
        for (String id : ids) {
            int position = index.positionOf(id);
            if (position >= 0) {
                wanted[count++] = position;
            }
        }
        if (count == 0) {
            return;
        }
        long[] sorted = Arrays.copyOf(wanted, count);
        Arrays.sort(sorted);
        List<String> columns = new ArrayList<>();
        columns.add(EntityRows.ID);
        columns.addAll(rows.columns());
        rows.readAll(reader.take(rows.tableKey(), sorted, Optional.of(columns)));
    }

    private static ScanRequest request(EntityRows rows, List<TableFilter> filters) {
        List<String> columns = new ArrayList<>();
        columns.add(EntityRows.ID);
        columns.addAll(rows.columns());
        return new ScanRequest(Optional.of(columns), FilterPushdown.conjunction(filters), OptionalLong.empty());
    }

    /** The properties of a variable that some expression reads, in declaration order. */
    private List<String> columns(String variable, Map<String, ValueType> properties) {
        Set<String> read = readProperties.getOrDefault(variable, Set.of());
        List<String> columns = new ArrayList<>();
        for (String property : properties.keySet()) {
            if (read.contains(property)) {
                columns.add(property);
            }
        }
        return columns;
    }

    private Frame filter(Frame frame, List<PlanFilter> filters) {
        Frame result = frame;
        for (PlanFilter filter : filters) {
            if (result.rows().isEmpty()) {
                return result;
            }
            ExpressionEvaluator.RowPredicate predicate = evaluator.compile(filter, result);
            result = result.filter(predicate::test);
        }
        return result;
    }

    // ── expansions ───────────────────────────────────────────────────────────────────────

    /** How one expand walks the adjacency: where its source ids live, which adjacencies, where it lands. */
    private record Walk(AdjacencyIndex.NodeIds startIds, List<AdjacencyIndex.Adjacency> steps,
                        AdjacencyIndex.NodeIds reachedIds, boolean sharedSpace) {

        static Walk of(AdjacencyIndex index, Direction direction) {
            return switch (direction) {
                case OUT -> new Walk(index.sourceIds(), List.of(index.outgoing()), index.destinationIds(),
                        index.sharesIdSpace());
                case IN -> new Walk(index.destinationIds(), List.of(index.incoming()), index.sourceIds(),
                        index.sharesIdSpace());
                case BOTH -> new Walk(index.sourceIds(), List.of(index.outgoing(), index.incoming()),
                        index.destinationIds(), index.sharesIdSpace());
            };
        }
    }

    /** One reached destination of one input row, with the edge that reached it for edge bindings. */
    private record Reach(int inputRow, int destination, int edge) {
    }

    private Frame expand(MatchOp.Expand op, Frame input) {
        EdgeTypeInfo edge = catalog.edgeType(op.edgeType()).or(() -> catalog.edgeForTraversal(op.edgeType()))
                .orElseThrow(() -> new InvalidQueryPlanException("edge type `" + op.edgeType()
                        + "` is not in the snapshot's schema"));
        NodeTypeInfo destinationType = catalog.nodeType(op.destinationType()).orElseThrow(() ->
                new InvalidQueryPlanException("node type `" + op.destinationType() + "` is not in the snapshot's schema"));
        if (op.direction() == Direction.BOTH && !edge.isSymmetric()) {
            throw new InvalidQueryPlanException("undirected traversal over `" + edge.name()
                    + "`, whose endpoints are different node types");
        }
        String destination = op.destination();
        int sourceSlot = input.slot(op.source());
        EntityRows sources = input.source(sourceSlot);

        AdjacencyIndex index = input.rows().isEmpty() ? null : adjacency.get(reader, edge);
        Walk walk = index == null ? null : Walk.of(index, op.direction());
        List<Reach> reaches = index == null ? List.of() : reaches(input, sourceSlot, sources, index, walk, op);

        // Hydrate the reached destinations (dropping ids with no node row, as the reference does).
        LinkedHashSet<String> destinationIds = new LinkedHashSet<>();
        for (Reach reach : reaches) {
            destinationIds.add(walk.reachedIds().id(reach.destination()));
        }
        Split pushable = split(op.destinationFilters(), destination, destinationType.properties());
        Split split = new Split(List.of(), pushedBack(op.destinationFilters(), pushable), pushable.afterJoin());
        EntityRows destinations = hydrate("node:" + destinationType.name(), destinationType.properties(),
                columns(destination, destinationType.properties()), destinationIds);

        EntityRows edgeRows = null;
        Map<Integer, Integer> edgeRowByOrdinal = new HashMap<>();
        if (op.edgeBinding().isPresent()) {
            String binding = op.edgeBinding().get();
            List<String> edgeColumns = columns(binding, edge.properties());
            LinkedHashSet<String> edgeIds = new LinkedHashSet<>();
            for (Reach reach : reaches) {
                edgeIds.add(index.edgeId(reach.edge()));
            }
            if (edgeColumns.isEmpty()) {
                edgeRows = new EntityRows("edge:" + edge.name(), edge.properties(), List.of());
                for (String id : edgeIds) {
                    edgeRows.addIdOnly(id);
                }
            } else {
                edgeRows = hydrate("edge:" + edge.name(), edge.properties(), edgeColumns, edgeIds);
            }
            for (Reach reach : reaches) {
                edgeRowByOrdinal.computeIfAbsent(reach.edge(), ordinal -> -1);
            }
            for (Map.Entry<Integer, Integer> entry : edgeRowByOrdinal.entrySet()) {
                entry.setValue(edgeRows.rowOf(index.edgeId(entry.getKey())));
            }
        }

        boolean joinOnDestination = !destination.equals(ANONYMOUS) && input.binds(destination);
        int boundSlot = joinOnDestination ? input.slot(destination) : -1;
        List<int[]> rows = new ArrayList<>(reaches.size());
        for (Reach reach : reaches) {
            String destinationId = walk.reachedIds().id(reach.destination());
            int destinationRow = destinations.rowOf(destinationId);
            if (destinationRow < 0) {
                continue;
            }
            int[] row = input.rows().get(reach.inputRow());
            if (joinOnDestination) {
                if (!input.source(boundSlot).id(row[boundSlot]).equals(destinationId)) {
                    continue;
                }
            } else {
                row = Frame.append(row, destinationRow);
            }
            if (edgeRows != null) {
                int edgeRow = edgeRowByOrdinal.get(reach.edge());
                if (edgeRow < 0) {
                    continue;
                }
                row = Frame.append(row, edgeRow);
            }
            rows.add(row);
        }

        Frame expanded;
        if (joinOnDestination) {
            expanded = edgeRows == null ? input.withRows(rows)
                    : input.extendedBy(op.edgeBinding().get(), edgeRows, rows);
        } else {
            Frame withDestination = input.extendedBy(destination, destinations, List.of());
            expanded = edgeRows == null ? withDestination.withRows(rows)
                    : withDestination.extendedBy(op.edgeBinding().get(), edgeRows, rows);
        }
        return filter(filter(expanded, split.inMemory()), split.afterJoin());
    }

    /** The (input row, destination, edge) triples of an expansion, per input row in walk order. */
    private List<Reach> reaches(Frame input, int sourceSlot, EntityRows sources, AdjacencyIndex index, Walk walk,
                                MatchOp.Expand op) {
        Map<Integer, int[][]> bySource = new HashMap<>();
        Traversal traversal = new Traversal(index, walk, op);
        List<Reach> reaches = new ArrayList<>();
        List<int[]> rows = input.rows();
        for (int i = 0; i < rows.size(); i++) {
            int start = walk.startIds().lookup(sources.id(rows.get(i)[sourceSlot]));
            if (start < 0) {
                continue;
            }
            int[][] reached = bySource.computeIfAbsent(start, op.edgeBinding().isPresent()
                    ? traversal::edgesFrom : traversal::breadthFirst);
            for (int k = 0; k < reached[0].length; k++) {
                reaches.add(new Reach(i, reached[0][k], reached[1][k]));
            }
        }
        return reaches;
    }

    /**
     * Walks from one source. Without an edge binding: breadth-first between {@code minHops} and
     * {@code maxHops}, each destination at most once (the first time it is reached), the source itself
     * never re-entered (a self-loop edge still reports its node), exactly as the reference's CSR walk;
     * edges between different node types cannot chain, so their walks stop after one hop. With an edge
     * binding: one entry per edge (single hop), an undirected self-loop once, ordered by edge id then
     * destination id.
     */
    private static final class Traversal {
        private final AdjacencyIndex index;
        private final Walk walk;
        private final long minHops;
        private final long maxHops;
        private final int[] visitedStamp;
        private final int[] seenStamp;
        private int generation;

        Traversal(AdjacencyIndex index, Walk walk, MatchOp.Expand op) {
            this.index = index;
            this.walk = walk;
            this.minHops = op.minHops();
            this.maxHops = walk.sharedSpace() ? op.maxHops() : Math.min(1, op.maxHops());
            this.visitedStamp = new int[walk.reachedIds().size()];
            this.seenStamp = new int[walk.reachedIds().size()];
        }

        int[][] breadthFirst(int start) {
            generation++;
            IntList destinations = new IntList();
            boolean shared = walk.sharedSpace();
            if (shared) {
                visitedStamp[start] = generation;
            }
            IntList frontier = new IntList();
            frontier.add(start);
            for (long hop = 1; hop <= maxHops && frontier.size() > 0; hop++) {
                IntList next = new IntList();
                boolean report = hop >= minHops;
                for (int f = 0; f < frontier.size(); f++) {
                    int node = frontier.get(f);
                    for (AdjacencyIndex.Adjacency step : walk.steps()) {
                        for (int p = step.start(node); p < step.end(node); p++) {
                            int neighbour = step.neighbours()[p];
                            if (shared && neighbour == node) {
                                if (report && seenStamp[neighbour] != generation) {
                                    seenStamp[neighbour] = generation;
                                    destinations.add(neighbour);
                                }
                                continue;
                            }
                            if (!shared || visitedStamp[neighbour] != generation) {
                                if (shared) {
                                    visitedStamp[neighbour] = generation;
                                }
                                next.add(neighbour);
                                if (report && seenStamp[neighbour] != generation) {
                                    seenStamp[neighbour] = generation;
                                    destinations.add(neighbour);
                                }
                            }
                        }
                    }
                }
                frontier = next;
            }
            int[] reached = destinations.toArray();
            return new int[][] {reached, new int[reached.length]};
        }

        int[][] edgesFrom(int start) {
            List<int[]> found = new ArrayList<>();
            List<AdjacencyIndex.Adjacency> steps = walk.steps();
            for (int probe = 0; probe < steps.size(); probe++) {
                AdjacencyIndex.Adjacency step = steps.get(probe);
                for (int p = step.start(start); p < step.end(start); p++) {
                    int neighbour = step.neighbours()[p];
                    if (probe > 0 && walk.sharedSpace() && neighbour == start) {
                        continue;
                    }
                    found.add(new int[] {neighbour, step.edges()[p]});
                }
            }
            found.sort(Comparator.<int[], String>comparing(e -> index.edgeId(e[1]), ValueComparison::compareStrings)
                    .thenComparing(e -> walk.reachedIds().id(e[0]), ValueComparison::compareStrings));
            int[] destinations = new int[found.size()];
            int[] edges = new int[found.size()];
            for (int k = 0; k < found.size(); k++) {
                destinations[k] = found.get(k)[0];
                edges[k] = found.get(k)[1];
            }
            return new int[][] {destinations, edges};
        }
    }

    /**
     * The rows of the reached ids, read by position; the destination's own filters are then evaluated
     * in memory with the op's other in-memory filters (see {@link #expand}).
     */
    private EntityRows hydrate(String tableKey, Map<String, ValueType> properties, List<String> columns, Set<String> ids) {
        EntityRows rows = new EntityRows(tableKey, properties, columns);
        readByIds(rows, ids);
        return rows;
    }

    // ── anti-joins ───────────────────────────────────────────────────────────────────────

    /**
     * Removes the rows for which the inner pipeline finds at least one match. The inner pipeline runs
     * once over all rows, each tagged with its index (a set-at-a-time anti-semi-join, as in the
     * reference), so its scans and expansions are not repeated per row.
     */
    private Frame antiJoin(MatchOp.AntiJoin op, Frame input) {
        if (input.rows().isEmpty()) {
            return input;
        }
        String tag = "\u0000anti-join-" + (tags++);
        List<int[]> tagged = new ArrayList<>(input.rows().size());
        for (int i = 0; i < input.rows().size(); i++) {
            tagged.add(Frame.append(input.rows().get(i), i));
        }
        Frame inner = runPipeline(op.inner(), input.extendedBy(tag, null, tagged));
        int tagSlot = inner.slot(tag);
        boolean[] matched = new boolean[input.rows().size()];
        for (int[] row : inner.rows()) {
            matched[row[tagSlot]] = true;
        }
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                kept.add(input.rows().get(i));
            }
        }
        return input.withRows(kept);
    }

    // ── plan inspection ──────────────────────────────────────────────────────────────────

    /** Per variable, the properties any expression of the plan reads (so scans read only those). */
    private static Map<String, Set<String>> readProperties(ReadPlan plan) {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        collect(plan.match(), read);
        for (OutputColumn column : plan.output().columns()) {
            collect(column.expr(), read);
        }
        plan.order().ifPresent(order -> {
            for (SortKey key : order.keys()) {
                collect(key.expr(), read);
            }
        });
        return read;
    }

    private static void collect(List<MatchOp> ops, Map<String, Set<String>> read) {
        for (MatchOp op : ops) {
            List<PlanFilter> filters = new ArrayList<>();
            if (op instanceof MatchOp.NodeScan scan) {
                filters.addAll(scan.filters());
            } else if (op instanceof MatchOp.Expand expand) {
                filters.addAll(expand.destinationFilters());
            } else if (op instanceof MatchOp.Filter filter) {
                filters.add(filter.filter());
            } else {
                collect(((MatchOp.AntiJoin) op).inner(), read);
            }
            for (PlanFilter filter : filters) {
                collect(filter.left(), read);
                collect(filter.right(), read);
            }
        }
    }

    private static void collect(PlanExpr expr, Map<String, Set<String>> read) {
        if (expr instanceof PlanExpr.Property property) {
            if (!EntityRows.ID.equals(property.property())) {
                read.computeIfAbsent(property.variable(), v -> new HashSet<>()).add(property.property());
            }
        } else if (expr instanceof PlanExpr.Aggregate aggregate) {
            collect(aggregate.argument(), read);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
