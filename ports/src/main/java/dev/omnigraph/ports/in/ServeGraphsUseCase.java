package dev.omnigraph.ports.in;

import dev.omnigraph.domain.serving.Caller;
import java.util.Optional;

/**
 * The served surface of a cluster's applied revision: every operation the HTTP and gRPC front doors
 * offer, each authenticated, authorized (Cedar or the runtime state's default) and admitted here, so the
 * two doors are one implementation. Every refusal is a {@link dev.omnigraph.domain.serving.ServingException}
 * carrying the reference's status, code and message; an unknown or quarantined graph is
 * {@code 404 graph '<id>' not found} on every operation.
 */
public interface ServeGraphsUseCase {

    /** True when requests (all but health and the API description) must carry {@code Authorization: Bearer …}. */
    boolean requiresBearerAuth();

    /**
     * The caller behind an {@code Authorization} header value (empty when the request had none).
     * When authentication is required: absent or not starting with exactly {@code "Bearer "} is
     * {@code 401 missing bearer token}; a token matching no configured one is {@code 401 invalid bearer token}.
     */
    Caller authenticate(Optional<String> authorizationHeader);

    /** {@code GET /graphs}: the served graphs sorted by id (server-scoped action {@code graph_list}). */
    ServedGraphListResult listGraphs(Caller caller);

    /** {@code GET /graphs/{id}/snapshot}. */
    ServedSnapshotResult snapshot(Caller caller, ServedSnapshotQuery query);

    /** {@code POST /graphs/{id}/query}: an ad-hoc read query; a mutation source is {@code 400}. */
    ServedReadResult read(Caller caller, ServedReadCommand command);

    /** {@code POST /graphs/{id}/mutate} and its conditional form. */
    ServedChangeResult mutate(Caller caller, ServedMutateCommand command);

    /** {@code GET /graphs/{id}/queries}: the graph's stored queries. */
    StoredQueryCatalogResult listStoredQueries(Caller caller, String graphId);

    /** {@code POST /graphs/{id}/queries/{name}} and its conditional form. */
    StoredQueryInvocationResult invokeStoredQuery(Caller caller, InvokeStoredQueryCommand command);

    /** {@code GET /graphs/{id}/schema}: the live schema source. */
    ServedSchemaResult schema(Caller caller, String graphId);

    /**
     * {@code POST /graphs/{id}/schema/apply}: after authentication and the {@code schema_apply} decision,
     * always {@code 409} for a cluster-served graph (schema changes go through {@code cluster apply}).
     */
    ServedSchemaApplyResult applySchema(Caller caller, ServedSchemaApplyCommand command);

    /** {@code POST /graphs/{id}/load} (and {@code /load/ndjson}, {@code /ingest}). */
    ServedLoadResult load(Caller caller, ServedLoadCommand command);

    /** {@code POST /graphs/{id}/export}: streams NDJSON records to {@code sink}, one line (no newline) per call. */
    void export(Caller caller, ServedExportCommand command, ExportGraphUseCase.LineSink sink);

    /** {@code GET /graphs/{id}/branches}. */
    ServedBranchListResult listBranches(Caller caller, String graphId);

    /** {@code POST /graphs/{id}/branches}. */
    ServedBranchResult createBranch(Caller caller, ServedBranchCreateCommand command);

    /** {@code DELETE /graphs/{id}/branches/{branch}}. */
    ServedBranchResult deleteBranch(Caller caller, String graphId, String branch);

    /** {@code GET /graphs/{id}/commits?branch=}. */
    ServedCommitListResult listCommits(Caller caller, String graphId, Optional<String> branch);

    /** {@code GET /graphs/{id}/commits/{commit_id}}. */
    CommitResult commit(Caller caller, String graphId, String commitId);
}
