package dev.omnigraph.adapters.http.routes;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.omnigraph.adapters.http.openapi.ApiDescription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The request bodies of the HTTP API, with the reference's snake_case member names and aliases. Unknown
 * members are ignored, as serde does by default, except where the reference denies them
 * ({@link ExportRequest}). Members the reference defaults are nullable here and defaulted by the routes.
 */
final class RequestBodies {

    private RequestBodies() {}

    @ApiDescription("Inline read-query request for POST /query; a mutation source is refused with 400.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record QueryRequest(
            @ApiDescription("GQ read-query source; may declare several queries (pick one with `name`).")
            String query,
            @ApiDescription("The query to run when `query` declares several.")
            @Nullable String name,
            @ApiDescription("JSON object whose keys match the query's declared parameters.")
            @Nullable JsonNode params,
            @ApiDescription("Branch to read; mutually exclusive with `snapshot`. Defaults to `main`.")
            @Nullable String branch,
            @ApiDescription("Snapshot id to read; mutually exclusive with `branch`.")
            @Nullable String snapshot) {}

    @ApiDescription("Legacy read request of the deprecated POST /read.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record ReadRequest(
            @ApiDescription("GQ query source.")
            String querySource,
            @ApiDescription("The query to run when `query_source` declares several.")
            @Nullable String queryName,
            @Nullable JsonNode params,
            @Nullable String branch,
            @Nullable String snapshot) {}

    @ApiDescription("Mutation request of POST /mutate (and the deprecated POST /change).")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record ChangeRequest(
            @ApiDescription("GQ mutation source; the legacy name `query_source` is accepted too.")
            @JsonAlias("query_source") String query,
            @ApiDescription("The mutation to run when `query` declares several; alias `query_name`.")
            @JsonAlias("query_name") @Nullable String name,
            @ApiDescription("JSON object whose keys match the mutation's declared parameters.")
            @Nullable JsonNode params,
            @ApiDescription("Target branch. Defaults to `main`.")
            @Nullable String branch) {}

    @ApiDescription("Runtime inputs of a stored-query invocation; the source comes from the server's registry.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record InvokeStoredQueryRequest(
            @Nullable JsonNode params,
            @ApiDescription("Branch to run against. Defaults to `main`.")
            @Nullable String branch,
            @ApiDescription("Snapshot id to read (read queries only).")
            @Nullable String snapshot,
            @ApiDescription("The kind the caller expects; a mismatch with the stored query is refused with 400.")
            @Nullable Boolean expectMutation) {

        static final InvokeStoredQueryRequest EMPTY = new InvokeStoredQueryRequest(null, null, null, null);
    }

    @ApiDescription("Schema migration request (refused with 409 for cluster-served graphs).")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record SchemaApplyRequest(
            @ApiDescription("Schema in `.pg` source form.")
            String schemaSource,
            @ApiDescription("Promote soft drops to hard drops. Defaults to false.")
            @Nullable Boolean allowDataLoss) {}

    @ApiDescription("Load request of POST /load (and the deprecated POST /ingest).")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record IngestRequest(
            @ApiDescription("Target branch. Defaults to `main`; without `from` it must exist.")
            @Nullable String branch,
            @ApiDescription("Parent branch used to create `branch` when it does not exist.")
            @Nullable String from,
            @ApiDescription(value = "How existing entities are handled. Defaults to `merge`.",
                    allowedValues = {"overwrite", "append", "merge"})
            @Nullable String mode,
            @ApiDescription("NDJSON payload: one record per line.")
            String data) {}

    @ApiDescription("Export request; unknown members are refused.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ExportRequest(
            @ApiDescription("Branch to export. Defaults to `main`.")
            @Nullable String branch,
            @ApiDescription("Restrict the export to these node/edge type names. Empty exports all types.")
            @Nullable List<String> typeNames) {}

    @ApiDescription("Branch creation request.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    record BranchCreateRequest(
            @ApiDescription("Parent branch to fork from. Defaults to `main`.")
            @Nullable String from,
            @ApiDescription("Name of the new branch; must not exist yet.")
            String name) {}
}
