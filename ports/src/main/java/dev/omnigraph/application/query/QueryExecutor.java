package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.result.QueryResult;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs typed read plans over one graph snapshot (engine notes §3.2): node scans with single-variable
 * filters pushed down to the table, joins on shared variables, traversals over a per-snapshot
 * adjacency index with BFS set semantics, anti-joins, projection or aggregation, a total order and
 * the limit. Every read goes through the {@link GraphReader}; the executor does no other I/O.
 *
 * <p>Search functions ({@code nearest}, {@code bm25}, {@code rrf}, {@code search}, {@code fuzzy},
 * {@code match_text}) are refused with {@link UnsupportedQueryFeatureException} before any read.
 *
 * <p>Thread-safe: executions share only the {@link AdjacencyCache} and the {@link RowPositionCache}.
 */
public final class QueryExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(QueryExecutor.class);

    private final AdjacencyCache adjacencyCache;
    private final RowPositionCache rowPositionCache;
    private final InstantSource clock;

    /**
     * @param adjacencyCache the edge topologies shared by all executions (one per process is enough)
     * @param clock the source of {@code now()}, read once per execution
     */
    public QueryExecutor(AdjacencyCache adjacencyCache, InstantSource clock) {
        this(adjacencyCache, new RowPositionCache(), clock);
    }

    /**
     * @param adjacencyCache the edge topologies shared by all executions (one per process is enough)
     * @param rowPositionCache where ids sit in each table, shared likewise
     * @param clock the source of {@code now()}, read once per execution
     */
    public QueryExecutor(AdjacencyCache adjacencyCache, RowPositionCache rowPositionCache, InstantSource clock) {
        this.adjacencyCache = Objects.requireNonNull(adjacencyCache, "adjacencyCache");
        this.rowPositionCache = Objects.requireNonNull(rowPositionCache, "rowPositionCache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code plan} with typed parameters ({@link ParamBinder#bind} makes them from JSON), with
     * {@code now()} taken from the clock.
     *
     * @throws QueryExecutionException when a parameter is missing or mistyped, a literal is invalid, a
     *     search function is used or the plan does not fit the snapshot; storage failures surface as
     *     the table port's exceptions
     */
    public QueryResult execute(GraphReader reader, ReadPlan plan, Map<String, ?> typedParams) {
        return execute(reader, plan, typedParams, clock.instant());
    }

    /** As {@link #execute(GraphReader, ReadPlan, Map)}, with an explicit value for {@code now()}. */
    public QueryResult execute(GraphReader reader, ReadPlan plan, Map<String, ?> typedParams, Instant now) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(typedParams, "typedParams");
        Objects.requireNonNull(now, "now");
        SearchFeatures.rejectUnsupported(plan);
        Map<String, Object> params = ParamBinder.checkTyped(plan.parameters(), typedParams);
        long started = System.nanoTime();
        ExpressionEvaluator evaluator = new ExpressionEvaluator(plan.parameters(), params, now.toEpochMilli());
        Frame matched = new ReadExecution(reader, plan, evaluator, adjacencyCache, rowPositionCache).run(plan.match());
        QueryResult result = new ResultAssembler(evaluator).assemble(plan, matched);
        if (LOG.isDebugEnabled()) {
            LOG.debug("query {} on {}: {} match rows, {} result rows in {} µs", plan.name(), reader.snapshotId(),
                    matched.rows().size(), result.rowCount(), (System.nanoTime() - started) / 1_000);
        }
        return result;
    }
}
