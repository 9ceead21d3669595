package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.HttpServerSettings;
import dev.omnigraph.adapters.http.openapi.ApiOperation;
import dev.omnigraph.adapters.http.openapi.OpenApiDocument;
import dev.omnigraph.adapters.http.routes.ErrorBodies.ErrorOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.HealthOutput;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.web.router.Router;

/**
 * The unauthenticated service routes: the liveness probe and the API description. The description is
 * built once, from the routes this server really registered, with security left out when the server
 * requires no bearer token.
 */
@Controller
final class ServiceController {

    private final HttpServerSettings settings;
    private final ServeGraphsUseCase serving;
    private final Router router;
    private volatile String openApiJson;

    ServiceController(HttpServerSettings settings, ServeGraphsUseCase serving, Router router) {
        this.settings = settings;
        this.serving = serving;
        this.router = router;
    }

    @Get("/healthz")
    @ApiOperation(operationId = "health", tag = "health", authenticated = false,
            summary = "Liveness probe: server status and version; safe for any caller.",
            response = HealthOutput.class, responseDescription = "Server is healthy")
    HealthOutput health() {
        return new HealthOutput("ok", settings.serverVersion(), settings.internalSchemaVersion());
    }

    @Get("/openapi.json")
    HttpResponse<String> openApi() {
        String document = openApiJson;
        if (document == null) {
            document = JsonWriter.compact(OpenApiDocument.describe(router.uriRoutes(), settings.serverVersion(),
                    serving.requiresBearerAuth(), ErrorOutput.class));
            openApiJson = document;
        }
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
