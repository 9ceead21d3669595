package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.openapi.ApiOperation;
import dev.omnigraph.adapters.http.routes.ResponseBodies.GraphListResponse;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /graphs}: the served graphs (the server-scoped {@code graph_list} action). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class GraphListController {

    private final ServeGraphsUseCase serving;

    GraphListController(ServeGraphsUseCase serving) {
        this.serving = serving;
    }

    @Get("/graphs")
    @ApiOperation(operationId = "listGraphs", tag = "management",
            summary = "List every graph this server serves, sorted by graph id.",
            description = "Governed by the cluster-scoped policy's `graph_list` action; closed (403) when no "
                    + "cluster policy bundle is applied, in every runtime state.",
            response = GraphListResponse.class, responseDescription = "The served graphs",
            errorStatuses = {401, 403})
    GraphListResponse list(@RequestAttribute(BearerAuthenticationFilter.CALLER_ATTRIBUTE) Caller caller) {
        return WireMapping.graphList(serving.listGraphs(caller));
    }
}
