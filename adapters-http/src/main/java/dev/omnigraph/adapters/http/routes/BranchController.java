package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.openapi.ApiDescription;
import dev.omnigraph.adapters.http.openapi.ApiOperation;
import dev.omnigraph.adapters.http.routes.RequestBodies.BranchCreateRequest;
import dev.omnigraph.adapters.http.routes.ResponseBodies.BranchCreateOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.BranchDeleteOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.BranchListOutput;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedBranchCreateCommand;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/** A graph's branches: list, create, delete. (Merging is not served by this build.) */
@Controller("/graphs/{graph_id}/branches")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class BranchController {

    private static final String CALLER = BearerAuthenticationFilter.CALLER_ATTRIBUTE;

    private final ServeGraphsUseCase serving;
    private final RequestBodyReader bodies;

    BranchController(ServeGraphsUseCase serving, RequestBodyReader bodies) {
        this.serving = serving;
        this.bodies = bodies;
    }

    @Get
    @ApiOperation(operationId = "listBranches", tag = "branches", summary = "List all branches, sorted.",
            response = BranchListOutput.class, responseDescription = "List of branches", errorStatuses = {401, 403})
    BranchListOutput list(@PathVariable("graph_id") String graphId, @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.branches(serving.listBranches(caller, graphId));
    }

    @Post
    @ApiOperation(operationId = "createBranch", tag = "branches",
            summary = "Create a branch from `from` (defaults to main); 409 when it exists.",
            requestBody = BranchCreateRequest.class, response = BranchCreateOutput.class,
            responseDescription = "Branch created", errorStatuses = {400, 401, 403, 409, 429, 503})
    BranchCreateOutput create(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                              @RequestAttribute(CALLER) Caller caller) {
        BranchCreateRequest body = bodies.requiredJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES,
                BranchCreateRequest.class, "invalid branch create request");
        return WireMapping.branchCreated(serving.createBranch(caller, new ServedBranchCreateCommand(graphId,
                body.name(), Optional.ofNullable(body.from()))));
    }

    @Delete("/{branch}")
    @ApiOperation(operationId = "deleteBranch", tag = "branches", summary = "Delete a branch (irreversible).",
            response = BranchDeleteOutput.class, responseDescription = "Branch deleted",
            errorStatuses = {401, 403, 404, 429, 503})
    BranchDeleteOutput delete(@PathVariable("graph_id") String graphId,
                              @PathVariable("branch") @ApiDescription("Branch name to delete") String branch,
                              @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.branchDeleted(serving.deleteBranch(caller, graphId, branch));
    }
}
