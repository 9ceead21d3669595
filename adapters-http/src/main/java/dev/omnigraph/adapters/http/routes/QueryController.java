package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.openapi.ApiDescription;
import dev.omnigraph.adapters.http.openapi.ApiOperation;
import dev.omnigraph.adapters.http.routes.RequestBodies.ChangeRequest;
import dev.omnigraph.adapters.http.routes.RequestBodies.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.http.routes.RequestBodies.QueryRequest;
import dev.omnigraph.adapters.http.routes.RequestBodies.ReadRequest;
import dev.omnigraph.adapters.http.routes.ResponseBodies.ChangeOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.LegacyReadOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.QueriesCatalogOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.ReadOutput;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.InvokeStoredQueryCommand;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedMutateCommand;
import dev.omnigraph.ports.in.ServedReadCommand;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.StoredQueryInvocationResult;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * Ad-hoc reads and mutations, and the graph's stored queries. Mutations are conditional only on the
 * dedicated {@code …/if-graph-commit} routes; the ordinary ones refuse the precondition header.
 */
@Controller("/graphs/{graph_id}")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class QueryController {

    private static final String CALLER = BearerAuthenticationFilter.CALLER_ATTRIBUTE;

    private final ServeGraphsUseCase serving;
    private final RequestBodyReader bodies;

    QueryController(ServeGraphsUseCase serving, RequestBodyReader bodies) {
        this.serving = serving;
        this.bodies = bodies;
    }

    @Post("/query")
    @ApiOperation(operationId = "query", tag = "queries",
            summary = "Run an inline read query (mutations are refused with 400; use POST /mutate).",
            requestBody = QueryRequest.class, response = ReadOutput.class, responseDescription = "Query results",
            errorStatuses = {400, 401, 403})
    ReadOutput query(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                     @RequestAttribute(CALLER) Caller caller) {
        QueryRequest body = bodies.requiredJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES, QueryRequest.class,
                "invalid query request");
        return WireMapping.read(serving.read(caller, new ServedReadCommand(graphId, body.query(),
                Optional.ofNullable(body.name()), bodies.paramsJson(body.params()), Optional.ofNullable(body.branch()),
                Optional.ofNullable(body.snapshot()))));
    }

    @Post("/read")
    @ApiOperation(operationId = "read", tag = "queries", deprecated = true,
            summary = "Deprecated: use POST /query. Runs a read query with the legacy field names.",
            requestBody = ReadRequest.class, response = LegacyReadOutput.class,
            responseDescription = "Legacy query results (with `Deprecation: true` and "
                    + "`Link: <query>; rel=\"successor-version\"`)",
            errorStatuses = {400, 401, 403})
    HttpResponse<LegacyReadOutput> read(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                                        @RequestAttribute(CALLER) Caller caller) {
        ReadRequest body = bodies.requiredJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES, ReadRequest.class,
                "invalid read request");
        ServedReadResult result = serving.read(caller, new ServedReadCommand(graphId, body.querySource(),
                Optional.ofNullable(body.queryName()), bodies.paramsJson(body.params()),
                Optional.ofNullable(body.branch()), Optional.ofNullable(body.snapshot())));
        return DeprecatedRoute.ok(WireMapping.legacyRead(result), "query");
    }

    @Post("/mutate")
    @ApiOperation(operationId = "mutate", tag = "mutations",
            summary = "Apply a GQ mutation to a branch (canonical mutation route).",
            description = "Conditional callers use POST /mutate/if-graph-commit; this route refuses the "
                    + "Omnigraph-If-Graph-Commit header with 400.",
            requestBody = ChangeRequest.class, response = ChangeOutput.class, responseDescription = "Mutation results",
            errorStatuses = {400, 401, 403, 409, 413, 424, 429, 503})
    ChangeOutput mutate(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                        @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.change(runMutation(graphId, request, caller, Optional.empty()));
    }

    @Post("/mutate/if-graph-commit")
    @ApiOperation(operationId = "mutate_if_graph_commit", tag = "mutations",
            summary = "Apply a mutation only while the branch still has the required graph head.",
            requestBody = ChangeRequest.class, response = ChangeOutput.class,
            responseDescription = "Conditional mutation results", requiredHeaders = GraphCommitPrecondition.HEADER,
            errorStatuses = {400, 401, 403, 409, 412, 413, 424, 429, 503})
    ChangeOutput mutateIfGraphCommit(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                                     @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.change(runMutation(graphId, request, caller,
                Optional.of(GraphCommitPrecondition.required(request))));
    }

    @Post("/change")
    @ApiOperation(operationId = "change", tag = "mutations", deprecated = true,
            summary = "Deprecated: use POST /mutate. Same request and execution semantics.",
            requestBody = ChangeRequest.class, response = ChangeOutput.class,
            responseDescription = "Mutation results (with `Deprecation: true` and "
                    + "`Link: <mutate>; rel=\"successor-version\"`)",
            errorStatuses = {400, 401, 403, 409, 413, 424, 429, 503})
    HttpResponse<ChangeOutput> change(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                                      @RequestAttribute(CALLER) Caller caller) {
        return DeprecatedRoute.ok(WireMapping.change(runMutation(graphId, request, caller, Optional.empty())),
                "mutate");
    }

    private ServedChangeResult runMutation(String graphId, HttpRequest<?> request, Caller caller,
                                           Optional<String> expectedHead) {
        ChangeRequest body = bodies.requiredJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES, ChangeRequest.class,
                "invalid mutation request");
        if (expectedHead.isEmpty()) {
            GraphCommitPrecondition.refuse(request, "/mutate/if-graph-commit");
        }
        return serving.mutate(caller, new ServedMutateCommand(graphId, body.query(), Optional.ofNullable(body.name()),
                bodies.paramsJson(body.params()), Optional.ofNullable(body.branch()), expectedHead));
    }

    @Get("/queries")
    @ApiOperation(operationId = "list_queries", tag = "queries",
            summary = "List the graph's stored queries as a typed tool catalog.",
            response = QueriesCatalogOutput.class, responseDescription = "Stored-query catalog",
            errorStatuses = {401, 403})
    QueriesCatalogOutput listQueries(@PathVariable("graph_id") String graphId,
                                     @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.catalog(serving.listStoredQueries(caller, graphId));
    }

    @Post("/queries/{name}")
    @ApiOperation(operationId = "invoke_query", tag = "queries",
            summary = "Invoke a stored query by name; the answer is a ReadOutput or a ChangeOutput.",
            description = "An unknown query and a denied `invoke_query` answer the same 404.",
            requestBody = InvokeStoredQueryRequest.class, requestBodyRequired = false,
            response = {ReadOutput.class, ChangeOutput.class},
            responseDescription = "Read envelope or mutation envelope, serialized untagged",
            errorStatuses = {400, 401, 403, 404, 409, 413, 424, 429, 500, 503})
    Object invokeQuery(@PathVariable("graph_id") String graphId,
                       @PathVariable("name") @ApiDescription("Stored query name (the registry key)") String name,
                       HttpRequest<?> request, @RequestAttribute(CALLER) Caller caller) {
        GraphCommitPrecondition.refuse(request, "/queries/" + name + "/if-graph-commit");
        return invocationBody(invoke(graphId, name, request, caller, Optional.empty()));
    }

    @Post("/queries/{name}/if-graph-commit")
    @ApiOperation(operationId = "invoke_query_if_graph_commit", tag = "queries",
            summary = "Invoke one stored mutation with a required graph-head precondition.",
            requestBody = InvokeStoredQueryRequest.class, requestBodyRequired = false,
            response = ChangeOutput.class, responseDescription = "Stored conditional mutation result",
            requiredHeaders = GraphCommitPrecondition.HEADER,
            errorStatuses = {400, 401, 403, 404, 409, 412, 413, 424, 429, 500, 503})
    Object invokeQueryIfGraphCommit(@PathVariable("graph_id") String graphId,
                                    @PathVariable("name") @ApiDescription("Stored mutation name") String name,
                                    HttpRequest<?> request, @RequestAttribute(CALLER) Caller caller) {
        String expectedHead = GraphCommitPrecondition.required(request);
        return invocationBody(invoke(graphId, name, request, caller, Optional.of(expectedHead)));
    }

    private StoredQueryInvocationResult invoke(String graphId, String name, HttpRequest<?> request, Caller caller,
                                               Optional<String> expectedHead) {
        InvokeStoredQueryRequest body = bodies.optionalJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES,
                InvokeStoredQueryRequest.class, "invalid stored-query invocation body")
                .orElse(InvokeStoredQueryRequest.EMPTY);
        return serving.invokeStoredQuery(caller, new InvokeStoredQueryCommand(graphId, name,
                bodies.paramsJson(body.params()), Optional.ofNullable(body.branch()),
                Optional.ofNullable(body.snapshot()), Optional.ofNullable(body.expectMutation()), expectedHead));
    }

    /** The reference's untagged union: exactly a ReadOutput or exactly a ChangeOutput. */
    private static Object invocationBody(StoredQueryInvocationResult result) {
        if (result instanceof ServedReadResult read) {
            return WireMapping.read(read);
        }
        return WireMapping.change((ServedChangeResult) result);
    }
}
