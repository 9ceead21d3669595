package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import dev.omnigraph.domain.serving.ServingException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads request bodies the way the reference's extractors do, so every refusal is an {@code ErrorOutput}:
 * a body beyond the route's limit is {@code 413} (code {@code bad_request}), a JSON route sent another
 * content type is {@code 415} (code {@code bad_request}), and a body that is not the expected JSON shape is
 * {@code 400} (never 422). Bodies are read here, after authentication, on the blocking executor; nothing is
 * read for a request that is refused before.
 */
@Singleton
final class RequestBodyReader {

    /** The body limit of every route but the loads (the reference's default). */
    static final int DEFAULT_LIMIT_BYTES = 1_048_576;
    /** The body limit of {@code /load}, {@code /ingest} and {@code /load/ndjson}. */
    static final int LOAD_LIMIT_BYTES = 32 * 1024 * 1024;

    static final String NDJSON = "application/x-ndjson";

    private final JsonMapper json;

    RequestBodyReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The JSON body of a route that requires one.
     *
     * @param context how a refusal names the request ({@code invalid export request: …})
     */
    <T> T requiredJson(HttpRequest<?> request, int limitBytes, Class<T> type, String context) {
        requireJsonContentType(request);
        byte[] body = bytes(request, limitBytes, Optional.empty());
        return decode(body, type, context);
    }

    /**
     * The JSON body of a route whose body is optional: empty, or the JSON {@code null}, gives empty. The
     * content type is not checked (the reference reads these bodies as raw bytes).
     */
    <T> Optional<T> optionalJson(HttpRequest<?> request, int limitBytes, Class<T> type, String context) {
        byte[] body = bytes(request, limitBytes, Optional.empty());
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals("null")) {
            return Optional.empty();
        }
        return Optional.of(decode(body, type, context));
    }

    /** The raw NDJSON body of {@code /load/ndjson}: {@code application/x-ndjson}, valid UTF-8, within the limit. */
    String ndjson(HttpRequest<?> request, int limitBytes) {
        String essence = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        String mediaType = essence == null ? "" : essence.split(";", 2)[0].strip();
        if (!mediaType.equalsIgnoreCase(NDJSON)) {
            throw new ServingException(ApiError.of(415, ApiErrorCode.BAD_REQUEST,
                    "graph-batch load requires Content-Type: application/x-ndjson"));
        }
        byte[] body = bytes(request, limitBytes, Optional.of("graph_batch_request_bytes"));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ServingException(ApiError.badRequest("graph-batch request body must be valid UTF-8"), notUtf8);
        }
    }

    /** The parameters member as the JSON text the use cases take: {@code {}} when absent or null. */
    String paramsJson(JsonNode params) {
        if (params == null || params.isNull()) {
            return "{}";
        }
        try {
            return new String(json.writeValueAsBytes(params), StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private <T> T decode(byte[] body, Class<T> type, String context) {
        JsonNode tree;
        try {
            tree = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException unparsable) {
            throw new ServingException(ApiError.badRequest(context + ": " + unparsable.getMessage()), unparsable);
        }
        if (tree == null) {
            tree = JsonNode.nullNode();
        }
        Optional<String> problem = WireShape.problem(tree, type);
        if (problem.isPresent()) {
            throw new ServingException(ApiError.badRequest(context + ": " + problem.get()));
        }
        try {
            return json.readValueFromTree(tree, Argument.of(type));
        } catch (IOException | RuntimeException unbindable) {
            throw new ServingException(ApiError.badRequest(context + ": " + unbindable.getMessage()), unbindable);
        }
    }

    /**
     * Axum's rule: {@code application/json} or any {@code application/*+json}; a missing content type is
     * refused too.
     */
    private static void requireJsonContentType(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        String mediaType = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new ServingException(ApiError.of(415, ApiErrorCode.BAD_REQUEST,
                    "Expected request with `Content-Type: application/json`"));
        }
    }

    /**
     * The whole body, refusing (413) as soon as it is known to exceed {@code limitBytes}: from the declared
     * length before reading anything, else after reading one byte more than the limit.
     *
     * @param limitResource when present, the refusal carries a {@code resource_limit} detail naming it
     */
    private static byte[] bytes(HttpRequest<?> request, int limitBytes, Optional<String> limitResource) {
        OptionalLong declared = declaredLength(request);
        if (declared.isPresent() && declared.getAsLong() > limitBytes) {
            throw tooLarge(limitBytes, declared.getAsLong(), limitResource);
        }
        if (!(request instanceof ServerHttpRequest<?> serverRequest)) {
            return request.getBody(byte[].class).orElse(new byte[0]);
        }
        try (InputStream in = serverRequest.byteBody().toInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(
                    (int) Math.min(declared.orElse(8192), limitBytes));
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                body.write(chunk, 0, read);
                if (body.size() > limitBytes) {
                    throw tooLarge(limitBytes, body.size(), limitResource);
                }
            }
            return body.toByteArray();
        } catch (IOException unreadable) {
            throw new ServingException(ApiError.badRequest("failed to read the request body: "
                    + unreadable.getMessage()), unreadable);
        }
    }

    private static OptionalLong declaredLength(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException malformed) {
            return OptionalLong.empty();
        }
    }

    private static ServingException tooLarge(int limitBytes, long actual, Optional<String> limitResource) {
        ApiError error = ApiError.of(413, ApiErrorCode.BAD_REQUEST,
                "request body exceeds the limit of " + limitBytes + " bytes");
        if (limitResource.isPresent()) {
            error = error.withDetail(new ApiErrorDetail.ResourceLimit(limitResource.get(), limitBytes, actual));
        }
        return new ServingException(error);
    }
}
