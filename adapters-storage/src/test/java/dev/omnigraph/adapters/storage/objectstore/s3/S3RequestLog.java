package dev.omnigraph.adapters.storage.objectstore.s3;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * Every HTTP request S3Proxy receives, as the server saw it: who sent it (the AWS SDK behind our object-store
 * port, or Lance's Rust object_store, told apart by their {@code User-Agent}), the S3 operation it asks for,
 * the bucket, the key and the conditional headers. This is the only place that sees Lance's own storage
 * traffic, which goes to S3 directly and not through the {@code ObjectStore} port.
 *
 * <p>It is installed as a Jetty handler in front of S3Proxy's own (S3Proxy builds its Jetty server privately,
 * so the handler is set through reflection before the server starts). Each request is recorded once, when it
 * arrives, whatever its answer.
 */
public final class S3RequestLog {

    /** Who sent a request. */
    public enum Client {
        /** The AWS SDK for Java: our {@code S3ObjectStore}, or a test preparing buckets. */
        AWS_SDK_JAVA,
        /** Lance's object_store (Rust). */
        LANCE,
        /** Anything else. */
        OTHER;

        static Client of(String userAgent) {
            String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
            if (agent.startsWith("aws-sdk-java")) {
                return AWS_SDK_JAVA;
            }
            if (agent.startsWith("object_store") || agent.contains("lance")) {
                return LANCE;
            }
            return OTHER;
        }
    }

    /** The S3 operations a request can be, as far as these tests need to tell them apart. */
    public enum Operation {
        GET_OBJECT, HEAD_OBJECT, PUT_OBJECT, PUT_OBJECT_IF_ABSENT, PUT_OBJECT_IF_MATCH, COPY_OBJECT, DELETE_OBJECT,
        DELETE_OBJECTS, LIST_OBJECTS, MULTIPART, BUCKET, OTHER;

        /** Whether the operation reads (a GET, HEAD or list) rather than writes. */
        public boolean reads() {
            return this == GET_OBJECT || this == HEAD_OBJECT || this == LIST_OBJECTS;
        }
    }

    /** One request as S3Proxy received it. */
    public record S3Request(Client client, Operation operation, String method, String bucket, String key, String query,
            String userAgent) {}

    private final ConcurrentLinkedQueue<S3Request> requests = new ConcurrentLinkedQueue<>();

    private S3RequestLog() {}

    /** Installs a log in front of the handler of a built, not yet started S3Proxy. */
    static S3RequestLog installOn(S3Proxy proxy) {
        S3RequestLog log = new S3RequestLog();
        try {
            Field serverField = S3Proxy.class.getDeclaredField("server");
            serverField.setAccessible(true);
            Server server = (Server) serverField.get(proxy);
            server.setHandler(log.new Recorder(server.getHandler()));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot install the request log on this S3Proxy version", e);
        }
        return log;
    }

    /** Every request received since the start or the last {@link #clear()}, in arrival order. */
    public List<S3Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests received so far. */
    public void clear() {
        requests.clear();
    }

    /** The requests matching a filter, counted per operation (operations with none are left out). */
    public Map<Operation, Long> countsByOperation(Predicate<S3Request> filter) {
        return requests().stream().filter(filter)
                .collect(Collectors.groupingBy(S3Request::operation, TreeMap::new, Collectors.counting()));
    }

    /** The requests from one client, counted per operation. */
    public Map<Operation, Long> countsByOperation(Client client) {
        return countsByOperation(request -> request.client() == client);
    }

    /** The requests from one client. */
    public long count(Client client) {
        return requests().stream().filter(request -> request.client() == client).count();
    }

    private final class Recorder extends Handler.Wrapper {

        Recorder(Handler delegate) {
            super(delegate);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            requests.add(describe(request));
            return super.handle(request, response, callback);
        }
    }

    private static S3Request describe(Request request) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String key = slash < 0 ? "" : trimmed.substring(slash + 1);
        String userAgent = request.getHeaders().get("User-Agent");
        return new S3Request(Client.of(userAgent), operationOf(request, method, key, query), method, bucket, key, query,
                userAgent == null ? "" : userAgent);
    }

    private static Operation operationOf(Request request, String method, String key, String query) {
        if (query.contains("uploads") || query.contains("uploadId=")) {
            return Operation.MULTIPART;
        }
        if (key.isEmpty()) {
            if (method.equals("POST") && query.contains("delete")) {
                return Operation.DELETE_OBJECTS;
            }
            return method.equals("GET") && (query.contains("list-type") || query.contains("prefix") || query.isEmpty())
                    ? Operation.LIST_OBJECTS : Operation.BUCKET;
        }
        return switch (method) {
            case "GET" -> Operation.GET_OBJECT;
            case "HEAD" -> Operation.HEAD_OBJECT;
            case "DELETE" -> Operation.DELETE_OBJECT;
            case "PUT" -> {
                if (request.getHeaders().get("x-amz-copy-source") != null) {
                    yield Operation.COPY_OBJECT;
                }
                if (request.getHeaders().get("If-None-Match") != null) {
                    yield Operation.PUT_OBJECT_IF_ABSENT;
                }
                yield request.getHeaders().get("If-Match") != null ? Operation.PUT_OBJECT_IF_MATCH : Operation.PUT_OBJECT;
            }
            default -> Operation.OTHER;
        };
    }
}
