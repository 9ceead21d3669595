package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.routes.ErrorBodies.ErrorOutput;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import dev.omnigraph.domain.serving.ServingException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.NotFoundException;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure of every route as the reference's {@code ErrorOutput}: refusals of the use case
 * ({@link ServingException}) with their own status, code and detail ({@code Retry-After} for 429), the
 * framework's own refusals (unknown route 404, wrong method 405, oversized body 413, unbindable argument
 * 400) in the same shape, and anything unexpected as a logged 500.
 */
@Controller
final class ErrorRendering {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRendering.class);

    private final Router router;

    ErrorRendering(Router router) {
        this.router = router;
    }

    @Error(global = true)
    HttpResponse<ErrorOutput> render(HttpRequest<?> request, Throwable failure) {
        ApiError error = apiError(request, failure);
        MutableHttpResponse<ErrorOutput> response = response(error);
        if (error.status() == 405 && failure instanceof NotAllowedException notAllowed) {
            response.header(HttpHeaders.ALLOW, String.join(", ", new TreeSet<>(notAllowed.getAllowedMethods())));
        }
        return response;
    }

    static MutableHttpResponse<ErrorOutput> response(ApiError error) {
        MutableHttpResponse<ErrorOutput> response = HttpResponse.<ErrorOutput>status(error.status(), null)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorOutput.of(error));
        if (error.detail().orElse(null) instanceof ApiErrorDetail.RetryAfter retry) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retry.seconds()));
        }
        return response;
    }

    private ApiError apiError(HttpRequest<?> request, Throwable failure) {
        if (failure instanceof ServingException refused) {
            if (refused.error().status() >= 500) {
                LOG.warn("{} {} answered {}: {}", request.getMethodName(), request.getPath(),
                        refused.error().status(), refused.getMessage());
                LOG.debug("cause of the {} answer", refused.error().status(), refused);
            }
            return refused.error();
        }
        if (failure instanceof NotFoundException) {
            return ApiError.notFound("not found");
        }
        if (failure instanceof NotAllowedException) {
            return onlyCapturedByAnotherMethod(request) ? ApiError.notFound("not found")
                    : ApiError.of(405, ApiErrorCode.METHOD_NOT_ALLOWED, "method not allowed");
        }
        if (failure instanceof ContentLengthExceededException tooLarge) {
            return ApiError.of(413, ApiErrorCode.BAD_REQUEST, tooLarge.getMessage());
        }
        if (failure instanceof ConversionErrorException || failure instanceof UnsatisfiedArgumentException) {
            return ApiError.badRequest(failure.getMessage());
        }
        if (failure instanceof HttpStatusException status && status.getStatus().getCode() < 500) {
            return new ApiError(status.getStatus().getCode(), codeOf(status.getStatus().getCode()),
                    Optional.ofNullable(status.getMessage()).orElse(status.getStatus().getReason()), Optional.empty());
        }
        LOG.error("{} {} failed unexpectedly", request.getMethodName(), request.getPath(), failure);
        return ApiError.of(500, ApiErrorCode.INTERNAL, "internal error");
    }

    /**
     * True when the path only matches routes of other methods through a trailing {@code {variable}} (e.g.
     * {@code POST …/branches/merge} against {@code DELETE …/branches/{branch}}): no resource of that name
     * exists for this method, and a capability this server does not serve must read as 404, not 405.
     */
    private boolean onlyCapturedByAnotherMethod(HttpRequest<?> request) {
        List<UriRouteMatch<Object, Object>> matches = router.findAny(request);
        return !matches.isEmpty() && matches.stream().allMatch(match -> {
            String template = match.getRouteInfo().getUriMatchTemplate().toPathString();
            String lastSegment = template.substring(template.lastIndexOf('/') + 1);
            return lastSegment.startsWith("{");
        });
    }

    private static Optional<ApiErrorCode> codeOf(int status) {
        return Optional.ofNullable(switch (status) {
            case 400, 413, 415 -> ApiErrorCode.BAD_REQUEST;
            case 401 -> ApiErrorCode.UNAUTHORIZED;
            case 403 -> ApiErrorCode.FORBIDDEN;
            case 404 -> ApiErrorCode.NOT_FOUND;
            case 405 -> ApiErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ApiErrorCode.CONFLICT;
            case 429 -> ApiErrorCode.TOO_MANY_REQUESTS;
            default -> null;
        });
    }
}
