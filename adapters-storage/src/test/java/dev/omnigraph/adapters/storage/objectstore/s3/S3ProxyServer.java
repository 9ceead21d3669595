package dev.omnigraph.adapters.storage.objectstore.s3;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server for tests: S3Proxy inside the test JVM on {@code 127.0.0.1} and an ephemeral port, with
 * an in-memory blob store. S3Proxy is used because it answers conditional writes with S3's status codes and
 * evaluates {@code If-None-Match: *} atomically; several other emulators accept the headers and ignore
 * them, which would make the conformance races pass or fail by luck. Its {@code If-Match} is made atomic
 * by {@link AtomicConditionalWrites}. Every request it receives is recorded in its {@link S3RequestLog}.
 *
 * <p>Processes started by a test reach it through {@link #environment()}; tests in other modules get it from
 * this module's test-jar.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "omnigraph-test";
    public static final String SECRET_KEY = "omnigraph-test-secret";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3RequestLog requestLog;

    private S3ProxyServer(S3Proxy proxy, URI endpoint, S3RequestLog requestLog) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.requestLog = requestLog;
    }

    /** Starts a server and waits until it accepts requests. */
    public static S3ProxyServer start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new AtomicConditionalWrites(new TransientNio2BlobStore()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        S3RequestLog requestLog = S3RequestLog.installOn(proxy);
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), requestLog);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Every request this server received (or since its last {@code clear()}). */
    public S3RequestLog requestLog() {
        return requestLog;
    }

    /** The environment variables a process would be given to reach this server. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_ALLOW_HTTP", "true",
                "AWS_S3_FORCE_PATH_STYLE", "true",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** Creates a bucket with a fresh, unique name through the real S3 API. */
    public String newBucket(S3ObjectStores stores) {
        String bucket = "og-" + UUID.randomUUID().toString().substring(0, 18);
        stores.client().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Creates a bucket with a fresh, unique name through the real S3 API, with a client of its own. */
    public String newBucket() {
        try (S3ObjectStores stores = S3ObjectStores.connect(S3Properties.fromEnvironment(environment()))) {
            return newBucket(stores);
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        }
    }
}
