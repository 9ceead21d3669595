package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.openapi.ApiDescription;
import dev.omnigraph.adapters.http.openapi.ApiOperation;
import dev.omnigraph.adapters.http.routes.RequestBodies.SchemaApplyRequest;
import dev.omnigraph.adapters.http.routes.ResponseBodies.CommitListOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.CommitOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SchemaApplyOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SchemaOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SnapshotOutput;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedSchemaApplyCommand;
import dev.omnigraph.ports.in.ServedSnapshotQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/** A graph's state: its snapshot, schema and commit history. */
@Controller("/graphs/{graph_id}")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class GraphStateController {

    private static final String CALLER = BearerAuthenticationFilter.CALLER_ATTRIBUTE;

    private final ServeGraphsUseCase serving;
    private final RequestBodyReader bodies;

    GraphStateController(ServeGraphsUseCase serving, RequestBodyReader bodies) {
        this.serving = serving;
        this.bodies = bodies;
    }

    @Get("/snapshot")
    @ApiOperation(operationId = "getSnapshot", tag = "snapshots",
            summary = "Read the current snapshot of a branch (defaults to main).",
            response = SnapshotOutput.class, responseDescription = "Graph snapshot", errorStatuses = {401, 403})
    SnapshotOutput snapshot(@PathVariable("graph_id") String graphId,
                            @QueryValue("branch") @Nullable @ApiDescription("Branch to read; defaults to `main`.")
                            String branch,
                            @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.snapshot(serving.snapshot(caller, new ServedSnapshotQuery(graphId,
                Optional.ofNullable(branch))));
    }

    @Get("/schema")
    @ApiOperation(operationId = "getSchema", tag = "schema", summary = "Read the current schema source.",
            response = SchemaOutput.class, responseDescription = "Current schema source", errorStatuses = {401, 403})
    SchemaOutput schema(@PathVariable("graph_id") String graphId, @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.schema(serving.schema(caller, graphId));
    }

    @Post("/schema/apply")
    @ApiOperation(operationId = "applySchema", tag = "mutations",
            summary = "Apply a schema migration (always 409 for a cluster-served graph: use cluster apply).",
            requestBody = SchemaApplyRequest.class, response = SchemaApplyOutput.class,
            responseDescription = "Schema apply results", errorStatuses = {400, 401, 403, 409, 429})
    SchemaApplyOutput applySchema(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                                  @RequestAttribute(CALLER) Caller caller) {
        SchemaApplyRequest body = bodies.requiredJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES,
                SchemaApplyRequest.class, "invalid schema apply request");
        return WireMapping.schemaApply(serving.applySchema(caller, new ServedSchemaApplyCommand(graphId,
                body.schemaSource(), Boolean.TRUE.equals(body.allowDataLoss()))));
    }

    @Get("/commits")
    @ApiOperation(operationId = "listCommits", tag = "commits",
            summary = "List the commits of a branch's history (defaults to main), newest first.",
            response = CommitListOutput.class, responseDescription = "List of commits", errorStatuses = {401, 403})
    CommitListOutput commits(@PathVariable("graph_id") String graphId,
                             @QueryValue("branch") @Nullable @ApiDescription("Branch whose history to list; "
                                     + "defaults to `main`.") String branch,
                             @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.commits(serving.listCommits(caller, graphId, Optional.ofNullable(branch)));
    }

    @Get("/commits/{commit_id}")
    @ApiOperation(operationId = "getCommit", tag = "commits", summary = "Get a single commit.",
            response = CommitOutput.class, responseDescription = "Commit details", errorStatuses = {401, 403, 404})
    CommitOutput commit(@PathVariable("graph_id") String graphId,
                        @PathVariable("commit_id") @ApiDescription("Commit identifier") String commitId,
                        @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.commit(serving.commit(caller, graphId, commitId));
    }
}
