package dev.omnigraph.adapters.http.openapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.web.router.UriRouteInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the served OpenAPI 3.1 document from the registered routes. Per-graph routes (under
 * {@value #PER_GRAPH_PREFIX}) get the {@value #PER_GRAPH_OPERATION_PREFIX} operation-id prefix, as in the
 * reference; {@code /healthz} and {@code /graphs} keep theirs. When the server requires no bearer token the
 * security scheme and every operation's security requirement are left out.
 */
public final class OpenApiDocument {

    /** Where every per-graph route lives. */
    public static final String PER_GRAPH_PREFIX = "/graphs/{graph_id}";
    /** The operation-id prefix of per-graph routes. */
    public static final String PER_GRAPH_OPERATION_PREFIX = "cluster_";
    /** The name of the bearer security scheme. */
    public static final String SECURITY_SCHEME = "bearer_token";
    /** The wire record every refusal answers with. */
    public static final String ERROR_SCHEMA = "ErrorOutput";

    private static final List<String> METHOD_ORDER = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final Map<Integer, String> STATUS_DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "Bad request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not found"),
            Map.entry(405, "Method not allowed"),
            Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"),
            Map.entry(412, "Graph-commit precondition failed; the write had no effect"),
            Map.entry(413, "Request or operation exceeds a bounded ceiling"),
            Map.entry(415, "Unsupported request content type"),
            Map.entry(424, "An allowed external Blob source could not be probed or read"),
            Map.entry(429, "Per-actor admission cap exceeded; honor the Retry-After header"),
            Map.entry(500, "Internal error"),
            Map.entry(503, "An overlapping durable recovery intent must be resolved before retry"));

    private final String version;
    private final boolean bearerAuth;
    private final Class<?> errorRecord;
    private final Map<String, JsonObject> schemas = new TreeMap<>();

    private OpenApiDocument(String version, boolean bearerAuth, Class<?> errorRecord) {
        this.version = version;
        this.bearerAuth = bearerAuth;
        this.errorRecord = errorRecord;
    }

    /**
     * The document describing {@code routes}.
     *
     * @param routes the server's routes; those without {@link ApiOperation} are skipped
     * @param version the server version ({@code info.version})
     * @param bearerAuth whether requests must carry a bearer token (security is stripped otherwise)
     * @param errorRecord the wire record of every refusal body, named {@value #ERROR_SCHEMA}
     */
    public static JsonObject describe(Stream<? extends UriRouteInfo<?, ?>> routes, String version, boolean bearerAuth,
                                      Class<?> errorRecord) {
        return new OpenApiDocument(version, bearerAuth, errorRecord).build(routes);
    }

    private JsonObject build(Stream<? extends UriRouteInfo<?, ?>> routes) {
        Map<String, Map<String, JsonObject>> paths = new TreeMap<>();
        routes.forEach(route -> {
            AnnotationMetadata metadata = route.getAnnotationMetadata();
            // HEAD routes are the ones Micronaut derives from each GET; the GET describes them
            if (!metadata.hasAnnotation(ApiOperation.class) || route.getHttpMethod() == HttpMethod.HEAD) {
                return;
            }
            String path = route.getUriMatchTemplate().toPathString();
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            paths.computeIfAbsent(path, ignored -> new TreeMap<>(
                    (left, right) -> Integer.compare(METHOD_ORDER.indexOf(left), METHOD_ORDER.indexOf(right))))
                    .put(method, operation(route, path, metadata));
        });
        schemaRef(errorRecord, false);

        JsonObject.Builder pathsJson = JsonObject.builder();
        paths.forEach((path, operations) -> {
            JsonObject.Builder item = JsonObject.builder();
            operations.forEach(item::put);
            pathsJson.put(path, item.build());
        });
        JsonObject.Builder schemasJson = JsonObject.builder();
        schemas.forEach(schemasJson::put);
        JsonObject.Builder components = JsonObject.builder().put("schemas", schemasJson.build());
        if (bearerAuth) {
            components.put("securitySchemes", JsonObject.builder()
                    .put(SECURITY_SCHEME, JsonObject.builder().put("type", "http").put("scheme", "bearer").build())
                    .build());
        }
        return JsonObject.builder()
                .put("openapi", "3.1.0")
                .put("info", JsonObject.builder()
                        .put("title", "Omnigraph API")
                        .put("description", "HTTP API for the Omnigraph graph database")
                        .put("version", version)
                        .build())
                .put("paths", pathsJson.build())
                .put("components", components.build())
                .build();
    }

    private JsonObject operation(UriRouteInfo<?, ?> route, String path, AnnotationMetadata metadata) {
        String operationId = metadata.stringValue(ApiOperation.class, "operationId").orElseThrow();
        boolean perGraph = path.startsWith(PER_GRAPH_PREFIX + "/");
        JsonObject.Builder operation = JsonObject.builder()
                .put("tags", JsonArray.ofStrings(List.of(metadata.stringValue(ApiOperation.class, "tag").orElseThrow())))
                .put("summary", metadata.stringValue(ApiOperation.class, "summary").orElseThrow());
        metadata.stringValue(ApiOperation.class, "description").filter(text -> !text.isEmpty())
                .ifPresent(text -> operation.put("description", text));
        operation.put("operationId", (perGraph ? PER_GRAPH_OPERATION_PREFIX : "") + operationId);

        List<JsonValue> parameters = parameters(route, metadata);
        if (!parameters.isEmpty()) {
            operation.put("parameters", new JsonArray(parameters));
        }
        requestBody(metadata).ifPresent(body -> operation.put("requestBody", body));
        operation.put("responses", responses(metadata));
        if (metadata.isTrue(ApiOperation.class, "deprecated")) {
            operation.put("deprecated", true);
        }
        boolean authenticated = metadata.booleanValue(ApiOperation.class, "authenticated").orElse(true);
        if (bearerAuth && authenticated) {
            operation.put("security", JsonArray.of(JsonObject.builder().put(SECURITY_SCHEME, JsonArray.of()).build()));
        }
        return operation.build();
    }

    private List<JsonValue> parameters(UriRouteInfo<?, ?> route, AnnotationMetadata metadata) {
        Argument<?>[] arguments = route.getTargetMethod().getArguments();
        List<JsonValue> parameters = new ArrayList<>();
        for (String variable : route.getUriMatchTemplate().getVariableNames()) {
            JsonObject.Builder parameter = JsonObject.builder().put("name", variable).put("in", "path");
            String description = variable.equals("graph_id") ? "Graph id to route the request to."
                    : pathArgument(arguments, variable).flatMap(OpenApiDocument::argumentDescription).orElse(null);
            if (description != null) {
                parameter.put("description", description);
            }
            parameters.add(parameter.put("required", true).put("schema", typeSchema("string")).build());
        }
        for (Argument<?> argument : arguments) {
            AnnotationMetadata argumentMetadata = argument.getAnnotationMetadata();
            if (!argumentMetadata.hasAnnotation(QueryValue.class)) {
                continue;
            }
            String name = argumentMetadata.stringValue(QueryValue.class).filter(value -> !value.isEmpty())
                    .orElse(argument.getName());
            JsonObject.Builder parameter = JsonObject.builder().put("name", name).put("in", "query");
            argumentDescription(argument).ifPresent(text -> parameter.put("description", text));
            JsonObject.Builder schema = JsonObject.builder().put("type", JsonArray.ofStrings(List.of("string", "null")));
            String[] allowed = argumentMetadata.stringValues(ApiDescription.class, "allowedValues");
            if (allowed.length > 0) {
                schema.put("enum", JsonArray.ofStrings(List.of(allowed)));
            }
            parameters.add(parameter.put("required", false).put("schema", schema.build()).build());
        }
        for (String header : metadata.stringValues(ApiOperation.class, "requiredHeaders")) {
            parameters.add(JsonObject.builder().put("name", header).put("in", "header")
                    .put("description", "Required raw graph-head commit id; the write runs only while the "
                            + "branch's head still equals it.")
                    .put("required", true).put("schema", typeSchema("string")).build());
        }
        return parameters;
    }

    private static Optional<Argument<?>> pathArgument(Argument<?>[] arguments, String variable) {
        for (Argument<?> argument : arguments) {
            String bound = argument.getAnnotationMetadata().stringValue(PathVariable.class)
                    .filter(value -> !value.isEmpty()).orElse(argument.getName());
            if (bound.equals(variable)) {
                return Optional.of(argument);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> argumentDescription(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue(ApiDescription.class);
    }

    private Optional<JsonObject> requestBody(AnnotationMetadata metadata) {
        Class<?>[] bodies = metadata.classValues(ApiOperation.class, "requestBody");
        boolean raw = metadata.isTrue(ApiOperation.class, "rawRequestBody");
        if (bodies.length == 0 && !raw) {
            return Optional.empty();
        }
        String contentType = metadata.stringValue(ApiOperation.class, "requestContentType").orElse("application/json");
        JsonValue schema = raw ? typeSchema("string") : unionOf(bodies);
        boolean required = metadata.booleanValue(ApiOperation.class, "requestBodyRequired").orElse(true);
        return Optional.of(JsonObject.builder()
                .put("content", JsonObject.builder()
                        .put(contentType, JsonObject.builder().put("schema", schema).build()).build())
                .put("required", required)
                .build());
    }

    private JsonObject responses(AnnotationMetadata metadata) {
        JsonObject.Builder responses = JsonObject.builder();
        JsonObject.Builder success = JsonObject.builder()
                .put("description", metadata.stringValue(ApiOperation.class, "responseDescription").orElse("Success"));
        Class<?>[] bodies = metadata.classValues(ApiOperation.class, "response");
        String contentType = metadata.stringValue(ApiOperation.class, "responseContentType").orElse("application/json");
        if (bodies.length > 0) {
            success.put("content", JsonObject.builder()
                    .put(contentType, JsonObject.builder().put("schema", unionOf(bodies)).build()).build());
        } else if (!contentType.equals("application/json")) {
            success.put("content", JsonObject.builder().put(contentType, JsonObject.empty()).build());
        }
        responses.put("200", success.build());
        JsonValue errorSchema = schemaRef(errorRecord, false);
        int[] statuses = metadata.findAnnotation(ApiOperation.class)
                .map(operation -> operation.intValues("errorStatuses")).orElse(new int[0]);
        Arrays.sort(statuses);
        for (int status : statuses) {
            responses.put(Integer.toString(status), JsonObject.builder()
                    .put("description", STATUS_DESCRIPTIONS.getOrDefault(status, "Refused"))
                    .put("content", JsonObject.builder().put("application/json",
                            JsonObject.builder().put("schema", errorSchema).build()).build())
                    .build());
        }
        return responses.build();
    }

    private JsonValue unionOf(Class<?>[] records) {
        if (records.length == 1) {
            return schemaRef(records[0], false);
        }
        List<JsonValue> members = new ArrayList<>();
        for (Class<?> record : records) {
            members.add(schemaRef(record, false));
        }
        return JsonObject.builder().put("oneOf", new JsonArray(members)).build();
    }

    // ---- schemas of wire records ----------------------------------------------------------------

    private JsonValue schemaRef(Class<?> record, boolean nullable) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a wire record");
        }
        String name = record.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, JsonObject.empty()); // placeholder: breaks recursion
            schemas.put(name, recordSchema(record));
        }
        JsonObject ref = JsonObject.builder().put("$ref", "#/components/schemas/" + name).build();
        if (!nullable) {
            return ref;
        }
        return JsonObject.builder().put("oneOf", JsonArray.of(typeSchema("null"), ref)).build();
    }

    private JsonObject recordSchema(Class<?> record) {
        JsonObject.Builder schema = JsonObject.builder().put("type", "object");
        ApiDescription description = record.getAnnotation(ApiDescription.class);
        if (description != null) {
            schema.put("description", description.value());
        }
        List<String> required = new ArrayList<>();
        JsonObject.Builder properties = JsonObject.builder();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = WireNames.of(component);
            boolean nullable = isNullable(component);
            if (!nullable) {
                required.add(name);
            }
            JsonValue property = valueSchema(component.getGenericType(), nullable);
            ApiDescription member = component.getAnnotation(ApiDescription.class);
            if (member != null) {
                JsonObject.Builder described = JsonObject.builder();
                property.asObject().members().forEach(described::put);
                if (member.allowedValues().length > 0) {
                    described.put("enum", JsonArray.ofStrings(List.of(member.allowedValues())));
                }
                property = described.put("description", member.value()).build();
            }
            properties.put(name, property);
        }
        if (!required.isEmpty()) {
            schema.put("required", JsonArray.ofStrings(required));
        }
        schema.put("properties", properties.build());
        JsonIgnoreProperties strictness = record.getAnnotation(JsonIgnoreProperties.class);
        if (strictness != null && !strictness.ignoreUnknown()) {
            schema.put("additionalProperties", JsonBool.FALSE);
        }
        return schema.build();
    }

    private JsonValue valueSchema(Type type, boolean nullable) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> plain ? plain : Object.class;
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[0] : Object.class;
            return nullableType(JsonObject.builder().put("items", valueSchema(element, false)), "array", nullable);
        }
        if (raw == String.class) {
            return nullableType(JsonObject.builder(), "string", nullable);
        }
        if (raw == long.class || raw == Long.class) {
            return nullableType(JsonObject.builder().put("format", "int64"), "integer", nullable);
        }
        if (raw == int.class || raw == Integer.class) {
            return nullableType(JsonObject.builder().put("format", "int32"), "integer", nullable);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return nullableType(JsonObject.builder(), "boolean", nullable);
        }
        if (raw.isRecord()) {
            return schemaRef(raw, nullable);
        }
        // any JSON value (query parameters, result rows)
        return JsonObject.empty();
    }

    private static JsonObject nullableType(JsonObject.Builder rest, String type, boolean nullable) {
        JsonObject.Builder schema = JsonObject.builder()
                .put("type", nullable ? JsonArray.ofStrings(List.of(type, "null")) : new JsonString(type));
        rest.build().members().forEach(schema::put);
        return schema.build();
    }

    private static JsonObject typeSchema(String type) {
        return JsonObject.builder().put("type", type).build();
    }

    private static boolean isNullable(RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(Nullable.class)
                || component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }
}
