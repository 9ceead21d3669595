package dev.omnigraph.adapters.storage.objectstore.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import dev.omnigraph.ports.out.ObjectStore;
import java.util.Objects;

/**
 * Opens Azure Blob object stores that share one service client (one HTTP connection pool). Thread-safe;
 * keep one instance per {@link AzureBlobProperties} for the life of the process.
 *
 * <p><b>Retries.</b> The Azure Storage SDK's retry policy with its defaults: exponential backoff on
 * throttling (503 ServerBusy, 429), other transient server errors and I/O failures, up to four tries. An
 * I/O failure can hide a write that landed; conditional writes therefore count the attempts that got no
 * answer ({@link UnansweredAttempts}) and report a later lost condition as "outcome unknown" instead of
 * as a lost race.
 */
public final class AzureBlobObjectStores {

    private final AzureBlobProperties properties;
    private final BlobServiceClient service;

    private AzureBlobObjectStores(AzureBlobProperties properties, RequestRetryOptions retries) {
        this.properties = properties;
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .endpoint(properties.blobEndpoint().toString())
                .retryOptions(retries)
                .addPolicy(new UnansweredAttempts());
        if (properties.accountKey().isPresent()) {
            builder.credential(new StorageSharedKeyCredential(properties.accountName(), properties.accountKey().get()));
        } else {
            builder.credential(new AzureSasCredential(properties.sasToken().orElseThrow()));
        }
        this.service = builder.buildClient();
    }

    /**
     * Creates the service client for these settings. Nothing is sent until a store is used, so a wrong
     * endpoint or key shows as a {@link dev.omnigraph.ports.out.StorageUnavailableException} on first use.
     */
    public static AzureBlobObjectStores connect(AzureBlobProperties properties) {
        return connect(properties, new RequestRetryOptions());
    }

    /** With other retry timings, for tests that would otherwise wait out the default backoff. */
    static AzureBlobObjectStores connect(AzureBlobProperties properties, RequestRetryOptions retries) {
        return new AzureBlobObjectStores(Objects.requireNonNull(properties, "properties"), Objects.requireNonNull(retries, "retries"));
    }

    /**
     * The store rooted at {@code az://container/prefix}. The container must exist; it is never created here.
     *
     * @param prefix the blob-name prefix of the root without leading or trailing {@code /}; empty for the
     *     container root
     */
    public ObjectStore open(String container, String prefix) {
        if (container == null || container.isBlank()) {
            throw new IllegalArgumentException("an Azure container name is required");
        }
        return new AzureBlobObjectStore(service.getBlobContainerClient(container), Objects.requireNonNull(prefix, "prefix"));
    }

    /** The settings this client was made from. */
    public AzureBlobProperties properties() {
        return properties;
    }

    /** The service client, for tests that prepare containers. */
    BlobServiceClient service() {
        return service;
    }
}
