package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.adapters.storage.objectstore.ObjectStores.StorageLocation;
import dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobProperties;
import dev.omnigraph.adapters.storage.objectstore.s3.S3Properties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What Lance needs to reach a table location on local disk, S3 or Azure Blob: the URI to hand to Lance and
 * the object-store options ({@code aws_*}, {@code azure_storage_*}, {@code allow_http}) derived from the
 * same environment variables, through the same {@link S3Properties} and {@link AzureBlobProperties}, as the
 * object stores. Graph tables and the graph's other files then reach one endpoint with one set of
 * credentials.
 *
 * <p>The environment of each cloud is read on the first location of that cloud, so local tables need no
 * cloud configuration. Explicit options (for example {@link LanceProperties#storageOptions()}) are meant
 * to be laid over the derived ones by the caller ({@link #optionsFor(String, Map)}). Note that Lance itself
 * also reads {@code AWS_*} and {@code AZURE_*} variables from the process environment for any option the
 * map leaves out; the map always wins. Thread-safe.
 */
public final class LanceStorageOptions {

    private final Map<String, String> environment;
    private Map<String, String> s3Options;
    private Map<String, String> azureOptions;

    private LanceStorageOptions(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Options derived from these environment variables (the process environment in production). */
    public static LanceStorageOptions fromEnvironment(Map<String, String> environment) {
        return new LanceStorageOptions(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * The URI Lance opens for a table location: an absolute path for bare paths and {@code file://} URIs,
     * {@code s3://bucket/prefix} and {@code az://container/prefix} normalised (lower-case scheme, no
     * trailing or doubled slashes at the ends).
     *
     * @throws dev.omnigraph.adapters.storage.objectstore.UnsupportedStorageLocationException for an unknown
     *     scheme or a malformed location
     */
    public String uriOf(String location) {
        StorageLocation parsed = StorageLocation.parse(location);
        if (parsed.scheme().equals(StorageLocation.FILE)) {
            return parsed.localPath().toString();
        }
        return parsed.scheme() + "://" + parsed.bucket() + (parsed.prefix().isEmpty() ? "" : "/" + parsed.prefix());
    }

    /**
     * The Lance storage options for a table location: empty for local paths, the {@code aws_*} options for
     * {@code s3://}, the {@code azure_storage_*} options for {@code az://}.
     *
     * @throws IllegalArgumentException when the environment's settings for the location's cloud are invalid
     */
    public Map<String, String> optionsFor(String location) {
        return switch (StorageLocation.parse(location).scheme()) {
            case StorageLocation.S3 -> s3Options();
            case StorageLocation.AZURE -> azureOptions();
            default -> Map.of();
        };
    }

    /** {@link #optionsFor(String)} with {@code explicit} laid over it: an explicit option always wins. */
    public Map<String, String> optionsFor(String location, Map<String, String> explicit) {
        Map<String, String> derived = optionsFor(location);
        if (explicit.isEmpty()) {
            return derived;
        }
        Map<String, String> merged = new LinkedHashMap<>(derived);
        merged.putAll(explicit);
        return Map.copyOf(merged);
    }

    private synchronized Map<String, String> s3Options() {
        if (s3Options == null) {
            s3Options = forS3(S3Properties.fromEnvironment(environment));
        }
        return s3Options;
    }

    private synchronized Map<String, String> azureOptions() {
        if (azureOptions == null) {
            azureOptions = forAzure(AzureBlobProperties.fromEnvironment(environment));
        }
        return azureOptions;
    }

    /** Lance's (object_store's) S3 options for these settings. */
    static Map<String, String> forS3(S3Properties properties) {
        Map<String, String> options = new LinkedHashMap<>();
        properties.endpoint().ifPresent(endpoint -> options.put("aws_endpoint", endpoint.toString()));
        // with a custom endpoint a region is still needed to sign; on AWS without one, Lance finds the bucket's
        if (properties.region().isPresent() || properties.endpoint().isPresent()) {
            options.put("aws_region", properties.signingRegion());
        }
        if (properties.allowHttp()) {
            options.put("allow_http", "true");
        }
        options.put("aws_virtual_hosted_style_request", Boolean.toString(!properties.forcePathStyle()));
        properties.credentials().ifPresent(credentials -> {
            options.put("aws_access_key_id", credentials.accessKeyId());
            options.put("aws_secret_access_key", credentials.secretAccessKey());
            credentials.sessionToken().ifPresent(token -> options.put("aws_session_token", token));
        });
        return Map.copyOf(options);
    }

    /**
     * Lance's (object_store's) Azure options for these settings. The endpoint is always given explicitly
     * (with the account as its first path segment on Azurite) and {@code azure_storage_use_emulator} never
     * set: in emulator mode object_store ignores the endpoint and falls back to a default port.
     */
    static Map<String, String> forAzure(AzureBlobProperties properties) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("azure_storage_account_name", properties.accountName());
        properties.accountKey().ifPresent(key -> options.put("azure_storage_account_key", key));
        properties.sasToken().ifPresent(token -> options.put("azure_storage_sas_key", token));
        options.put("azure_storage_endpoint", properties.blobEndpoint().toString());
        if (properties.plainHttp()) {
            options.put("allow_http", "true");
        }
        return Map.copyOf(options);
    }
}
