package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.openapi.ApiDescription;
import dev.omnigraph.adapters.http.openapi.ApiOperation;
import dev.omnigraph.adapters.http.routes.RequestBodies.ExportRequest;
import dev.omnigraph.adapters.http.routes.RequestBodies.IngestRequest;
import dev.omnigraph.adapters.http.routes.ResponseBodies.GraphBatchLoadOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.IngestOutput;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedExportCommand;
import dev.omnigraph.ports.in.ServedLoadCommand;
import dev.omnigraph.ports.in.ServedLoadResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk data in and out: loads (JSON envelope, raw NDJSON, and the deprecated {@code /ingest}) with the
 * 32 MiB body limit, and the streamed NDJSON export.
 */
@Controller("/graphs/{graph_id}")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoadExportController {

    private static final Logger LOG = LoggerFactory.getLogger(LoadExportController.class);
    private static final String CALLER = BearerAuthenticationFilter.CALLER_ATTRIBUTE;
    private static final String NDJSON_UTF8 = RequestBodyReader.NDJSON + "; charset=utf-8";

    private final ServeGraphsUseCase serving;
    private final RequestBodyReader bodies;
    private final ExecutorService exportProducers;

    LoadExportController(ServeGraphsUseCase serving, RequestBodyReader bodies,
                         @Named(TaskExecutors.BLOCKING) ExecutorService exportProducers) {
        this.serving = serving;
        this.bodies = bodies;
        this.exportProducers = exportProducers;
    }

    @Post("/load")
    @ApiOperation(operationId = "load", tag = "mutations",
            summary = "Load NDJSON records sent in a JSON envelope (mode defaults to merge).",
            description = "With `from`, a missing `branch` is created from it; without, the branch must exist.",
            requestBody = IngestRequest.class, response = IngestOutput.class, responseDescription = "Load results",
            errorStatuses = {400, 401, 403, 409, 413, 424, 429, 503})
    IngestOutput load(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                      @RequestAttribute(CALLER) Caller caller) {
        return WireMapping.ingest(loadEnvelope(graphId, request, caller));
    }

    @Post("/ingest")
    @ApiOperation(operationId = "ingest", tag = "mutations", deprecated = true,
            summary = "Deprecated: use POST /load. Same request, defaults and answer.",
            requestBody = IngestRequest.class, response = IngestOutput.class,
            responseDescription = "Load results (with `Deprecation: true` and "
                    + "`Link: <load>; rel=\"successor-version\"`)",
            errorStatuses = {400, 401, 403, 409, 413, 424, 429, 503})
    HttpResponse<IngestOutput> ingest(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                                      @RequestAttribute(CALLER) Caller caller) {
        return DeprecatedRoute.ok(WireMapping.ingest(loadEnvelope(graphId, request, caller)), "load");
    }

    private ServedLoadResult loadEnvelope(String graphId, HttpRequest<?> request, Caller caller) {
        IngestRequest body = bodies.requiredJson(request, RequestBodyReader.LOAD_LIMIT_BYTES, IngestRequest.class,
                "invalid load request");
        return serving.load(caller, new ServedLoadCommand(graphId, body.data(), Optional.ofNullable(body.branch()),
                Optional.ofNullable(body.from()), loadMode(body.mode())));
    }

    @Post("/load/ndjson")
    @ApiOperation(operationId = "loadNdjson", tag = "mutations",
            summary = "Load one raw graph-level NDJSON batch (Content-Type: application/x-ndjson).",
            rawRequestBody = true, requestContentType = RequestBodyReader.NDJSON,
            response = GraphBatchLoadOutput.class, responseDescription = "One committed graph-batch result",
            errorStatuses = {400, 401, 403, 404, 409, 413, 415, 424, 429, 503})
    GraphBatchLoadOutput loadNdjson(@PathVariable("graph_id") String graphId,
                                    @QueryValue("branch") @Nullable
                                    @ApiDescription("Target branch; defaults to `main`. Without `from` it must "
                                            + "exist.") String branch,
                                    @QueryValue("from") @Nullable
                                    @ApiDescription("Parent branch used to create a missing target branch.")
                                    String from,
                                    @QueryValue("mode") @Nullable
                                    @ApiDescription(value = "How existing entities are handled; defaults to "
                                            + "`merge`.", allowedValues = {"overwrite", "append", "merge"})
                                    String mode,
                                    HttpRequest<?> request, @RequestAttribute(CALLER) Caller caller) {
        LoadMode loadMode = loadMode(mode);
        String records = bodies.ndjson(request, RequestBodyReader.LOAD_LIMIT_BYTES);
        return WireMapping.graphBatchLoad(serving.load(caller, new ServedLoadCommand(graphId, records,
                Optional.ofNullable(branch), Optional.ofNullable(from), loadMode)));
    }

    private static LoadMode loadMode(@Nullable String spelling) {
        if (spelling == null) {
            return LoadMode.MERGE;
        }
        try {
            return LoadMode.parse(spelling);
        } catch (IllegalArgumentException unknown) {
            throw new ServingException(ApiError.badRequest(unknown.getMessage()), unknown);
        }
    }

    @Post("/export")
    @Produces(RequestBodyReader.NDJSON)
    @ApiOperation(operationId = "export", tag = "queries",
            summary = "Stream the contents of a branch as NDJSON (one record per line, never buffered whole).",
            requestBody = ExportRequest.class, responseContentType = RequestBodyReader.NDJSON,
            responseDescription = "Exported data as NDJSON",
            errorStatuses = {400, 401, 403, 404, 409, 413, 415, 503})
    HttpResponse<InputStream> export(@PathVariable("graph_id") String graphId, HttpRequest<?> request,
                                     @RequestAttribute(CALLER) Caller caller) {
        ExportRequest body = bodies.requiredJson(request, RequestBodyReader.DEFAULT_LIMIT_BYTES, ExportRequest.class,
                "invalid export request");
        ServedExportCommand command = new ServedExportCommand(graphId, Optional.ofNullable(body.branch()),
                body.typeNames() == null ? List.of() : body.typeNames());
        ExportLineStream stream = new ExportLineStream();
        exportProducers.execute(() -> produce(caller, command, stream));
        stream.awaitFirstRecord();
        return HttpResponse.<InputStream>ok(stream).contentType(NDJSON_UTF8);
    }

    private void produce(Caller caller, ServedExportCommand command, ExportLineStream stream) {
        try {
            serving.export(caller, command, stream::accept);
            stream.finish();
        } catch (ExportLineStream.ClientGoneException gone) {
            LOG.info("export of graph '{}' stopped: the response was closed before it finished", command.graphId());
        } catch (RuntimeException | Error failed) {
            if (stream.isClosed()) {
                LOG.info("export of graph '{}' stopped after its response was closed", command.graphId());
                return;
            }
            if (stream.hasRecords()) {
                LOG.warn("export of graph '{}' failed after it started streaming; the response is cut short",
                        command.graphId(), failed);
            }
            stream.fail(failed);
        }
    }
}
