package dev.omnigraph.adapters.storage.objectstore.s3;

import dev.omnigraph.ports.out.ObjectStore;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Opens S3 object stores that share one set of SDK clients (one connection pool, one credentials cache).
 * Thread-safe; keep one instance per set of {@link S3Properties} for the life of the process and close it
 * at shutdown.
 *
 * <p><b>Retries.</b> Both clients use the SDK's standard retry strategy: exponential backoff with jitter,
 * a longer base delay for throttling ({@code SlowDown}, 429) and a retry-token bucket. They differ in what
 * they retry:
 * <ul>
 *   <li>reads, unconditional puts, lists and deletes are idempotent and retry everything the SDK
 *       considers transient, I/O failures included;</li>
 *   <li>conditional writes ({@code If-None-Match: *}, {@code If-Match}) retry only when the server
 *       answered that it did not perform the request (throttling or a 500/502/503/504 status). After an
 *       I/O failure the write may have landed; a blind retry would then lose its own condition and report
 *       a race it actually won, so the failure is reported instead.</li>
 * </ul>
 */
public final class S3ObjectStores implements AutoCloseable {

    /**
     * An answer from S3 that the request was not performed and may be tried again: throttling, the
     * transient server errors the SDK's standard mode retries (500, 502, 503, 504), or {@code RequestTimeout}
     * (the server gave up waiting for the body). An I/O failure is not such an answer.
     */
    private static final Predicate<Throwable> REFUSED_BY_THE_SERVER = failure ->
            failure instanceof SdkServiceException refused
                    && (refused.isThrottlingException()
                            || refused.statusCode() == 500 || refused.statusCode() == 502
                            || refused.statusCode() == 503 || refused.statusCode() == 504
                            || (refused instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                                    && "RequestTimeout".equals(aws.awsErrorDetails().errorCode())));

    private final S3Properties properties;
    private final SdkHttpClient http;
    private final S3Client client;
    private final S3Client conditionalWriteClient;

    private S3ObjectStores(S3Properties properties) {
        this.properties = properties;
        this.http = Apache5HttpClient.create();
        AwsCredentialsProvider credentials = credentialsProvider(properties);
        S3Client idempotent = null;
        try {
            idempotent = newClient(properties, http, credentials, standardRetries(properties));
            this.conditionalWriteClient = newClient(properties, http, credentials, retriesOnlyWhenRefusedByTheServer(properties));
            this.client = idempotent;
        } catch (RuntimeException e) {
            if (idempotent != null) {
                idempotent.close();
            }
            http.close();
            throw e;
        }
    }

    /**
     * Creates the SDK clients for these settings. Nothing is sent until a store is used, so a wrong endpoint
     * or credential shows as a {@link dev.omnigraph.ports.out.StorageUnavailableException} on first use.
     */
    public static S3ObjectStores connect(S3Properties properties) {
        return new S3ObjectStores(Objects.requireNonNull(properties, "properties"));
    }

    /**
     * The store rooted at {@code s3://bucket/prefix}. The bucket must exist; it is never created here.
     *
     * @param prefix the key prefix of the root without leading or trailing {@code /}; empty for the bucket root
     */
    public ObjectStore open(String bucket, String prefix) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 bucket name is required");
        }
        return new S3ObjectStore(client, conditionalWriteClient, bucket, Objects.requireNonNull(prefix, "prefix"));
    }

    /** The settings these clients were made from. */
    public S3Properties properties() {
        return properties;
    }

    /** The idempotent-operations client, for tests that prepare buckets. */
    S3Client client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
            conditionalWriteClient.close();
        } finally {
            http.close();
        }
    }

    private static S3Client newClient(S3Properties properties, SdkHttpClient http, AwsCredentialsProvider credentials,
            RetryStrategy retries) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http)
                .region(Region.of(properties.signingRegion()))
                .credentialsProvider(credentials)
                .forcePathStyle(properties.forcePathStyle())
                .overrideConfiguration(o -> o.retryStrategy(retries));
        properties.endpoint().ifPresent(builder::endpointOverride);
        if (properties.endpoint().isEmpty() && properties.region().isEmpty()) {
            builder.crossRegionAccessEnabled(true);
        }
        if (properties.checksumsOnlyWhenRequired()) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentialsProvider(S3Properties properties) {
        if (properties.credentials().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        S3Properties.S3Credentials given = properties.credentials().get();
        AwsCredentials credentials = given.sessionToken().isPresent()
                ? AwsSessionCredentials.create(given.accessKeyId(), given.secretAccessKey(), given.sessionToken().get())
                : AwsBasicCredentials.create(given.accessKeyId(), given.secretAccessKey());
        return StaticCredentialsProvider.create(credentials);
    }

    private static RetryStrategy standardRetries(S3Properties properties) {
        StandardRetryStrategy.Builder builder = AwsRetryStrategy.standardRetryStrategy().toBuilder();
        properties.maxAttempts().ifPresent(builder::maxAttempts);
        return builder.build();
    }

    private static RetryStrategy retriesOnlyWhenRefusedByTheServer(S3Properties properties) {
        StandardRetryStrategy.Builder builder = DefaultRetryStrategy.standardStrategyBuilder()
                // without this the SDK would add its default conditions, I/O failures among them
                .useClientDefaults(false)
                .retryOnException(REFUSED_BY_THE_SERVER)
                .treatAsThrottling(failure -> failure instanceof SdkServiceException refused && refused.isThrottlingException());
        properties.maxAttempts().ifPresent(builder::maxAttempts);
        return builder.build();
    }
}
