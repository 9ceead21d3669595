package dev.omnigraph.adapters.storage.objectstore.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.omnigraph.ports.out.InvalidObjectKeyException;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreException;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.StorageUnavailableException;
import dev.omnigraph.ports.out.StoredObject;
import dev.omnigraph.ports.out.VersionToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ObjectStore} on an Azure Blob container prefix (Azure Storage or Azurite).
 *
 * <p>How the port's promises are kept:
 * <ul>
 *   <li>Whole-object atomicity: every write is one {@code Put Blob} of a block blob, which the service
 *       commits all at once (no staged blocks).</li>
 *   <li>Compare-and-swap across processes: {@link #putIfAbsent} sends {@code If-None-Match: *} (the service
 *       answers {@code 409 BlobAlreadyExists} when it loses) and {@link #putIfMatch} sends
 *       {@code If-Match: <etag>} ({@code 412 ConditionNotMet}; {@code 404} when the blob is gone); each
 *       becomes {@link PreconditionFailedException}.</li>
 *   <li>Version tokens are the ETags as the SDK reports them. Every write makes a new ETag, even of
 *       identical bytes, so tokens do not follow content.</li>
 *   <li>Reads return bytes and ETag from one {@code Get Blob} response.</li>
 *   <li>A conditional write whose earlier attempt got no answer and whose retry then lost its condition may
 *       have been performed by that earlier attempt; it surfaces as {@link StorageUnavailableException}
 *       ("outcome unknown"), never as a lost race, so callers re-read before deciding.</li>
 * </ul>
 */
final class AzureBlobObjectStore implements ObjectStore {

    private static final BlobHttpHeaders OCTET_STREAM = new BlobHttpHeaders().setContentType("application/octet-stream");

    private final BlobContainerClient container;
    /** The root's blob-name prefix: empty, or ending with {@code /}. */
    private final String root;

    AzureBlobObjectStore(BlobContainerClient container, String prefix) {
        this.container = container;
        this.root = prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.noneOf(Capability.class));
    }

    @Override
    public String location() {
        return "az://" + container.getBlobContainerName() + (root.isEmpty() ? "" : "/" + root.substring(0, root.length() - 1));
    }

    @Override
    public StoredObject get(ObjectKey key) {
        try {
            BlobDownloadContentResponse response = container.getBlobClient(nameOf(key))
                    .downloadContentWithResponse(null, null, null, Context.NONE);
            return new StoredObject(key, response.getValue().toBytes(), token(response.getDeserializedHeaders().getETag(), key));
        } catch (BlobStorageException e) {
            if (BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
                throw new ObjectNotFoundException(key);
            }
            throw unavailable("read " + key, e);
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public boolean exists(ObjectKey key) {
        try {
            container.getBlobClient(nameOf(key)).getPropertiesWithResponse(null, null, Context.NONE);
            return true;
        } catch (BlobStorageException e) {
            // HEAD answers carry no body, so the error code comes from the x-ms-error-code header; a missing
            // container is a fault, not a missing object
            if (e.getStatusCode() == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
                return false;
            }
            throw unavailable("check " + key, e);
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("check " + key, e);
        }
    }

    @Override
    public VersionToken put(ObjectKey key, byte[] bytes) {
        try {
            return token(upload(key, bytes, null, Context.NONE), key);
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("write " + key, e);
        }
    }

    @Override
    public VersionToken putIfAbsent(ObjectKey key, byte[] bytes) {
        AtomicInteger unanswered = new AtomicInteger();
        try {
            return token(upload(key, bytes, new BlobRequestConditions().setIfNoneMatch("*"), UnansweredAttempts.counting(unanswered)), key);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412 || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())) {
                throw lostOrUnknown(key, "an object already exists (" + describe(e) + ")", unanswered, e);
            }
            throw unavailable("create " + key, e);
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("create " + key + " (the outcome is unknown; re-read before deciding)", e);
        }
    }

    @Override
    public VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected) {
        AtomicInteger unanswered = new AtomicInteger();
        try {
            return token(upload(key, bytes, new BlobRequestConditions().setIfMatch(expected.value()), UnansweredAttempts.counting(unanswered)), key);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412 || BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
                throw lostOrUnknown(key, "the object is no longer at version " + expected + " or is absent (" + describe(e) + ")",
                        unanswered, e);
            }
            throw unavailable("replace " + key, e);
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("replace " + key + " (the outcome is unknown; re-read before deciding)", e);
        }
    }

    @Override
    public List<ObjectKey> list(String prefix) {
        ObjectKey.checkPrefix(prefix);
        List<ObjectKey> keys = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(root + prefix), null)) {
                toKey(item.getName()).ifPresent(keys::add);
            }
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("list " + prefix, e);
        }
        // the service orders by UTF-8 bytes, the port by Java string order; they differ beyond the BMP
        Collections.sort(keys);
        return List.copyOf(keys);
    }

    @Override
    public void delete(ObjectKey key) {
        try {
            container.getBlobClient(nameOf(key)).deleteIfExistsWithResponse(null, null, null, Context.NONE);
        } catch (ObjectStoreException own) {
            throw own;
        } catch (RuntimeException e) {
            throw unavailable("delete " + key, e);
        }
    }

    @Override
    public String toString() {
        return "AzureBlobObjectStore[" + location() + "]";
    }

    private String upload(ObjectKey key, byte[] bytes, BlobRequestConditions conditions, Context context) {
        BlockBlobClient blob = container.getBlobClient(nameOf(key)).getBlockBlobClient();
        BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(bytes))
                .setHeaders(OCTET_STREAM)
                .setRequestConditions(conditions);
        return blob.uploadWithResponse(options, null, context).getValue().getETag();
    }

    private String nameOf(ObjectKey key) {
        return root + key.value();
    }

    /**
     * The key of a listed blob name, or nothing for names that are not keys of this store: folder markers
     * ({@code a/}) and names written by other tools that break the key rules.
     */
    private Optional<ObjectKey> toKey(String name) {
        if (!name.startsWith(root) || name.length() == root.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectKey(name.substring(root.length())));
        } catch (InvalidObjectKeyException notAKey) {
            return Optional.empty();
        }
    }

    private RuntimeException lostOrUnknown(ObjectKey key, String reason, AtomicInteger unanswered, BlobStorageException e) {
        if (unanswered.get() > 0) {
            return new StorageUnavailableException(location() + ": a conditional write of " + key + " was retried after "
                    + unanswered.get() + " unanswered attempt(s) and then lost its condition; the earlier attempt may "
                    + "have written it (outcome unknown; re-read before deciding)", e);
        }
        return new PreconditionFailedException(key, reason);
    }

    private static String describe(BlobStorageException e) {
        return "HTTP " + e.getStatusCode() + (e.getErrorCode() == null ? "" : " " + e.getErrorCode());
    }

    private VersionToken token(String etag, ObjectKey key) {
        if (etag == null || etag.isEmpty()) {
            throw new StorageUnavailableException(location() + ": the service returned no ETag for " + key
                    + "; conditional writes need one", null);
        }
        return new VersionToken(etag);
    }

    /** Any failure of the SDK or below it (I/O, Reactor, Netty), translated; nothing raw crosses the port. */
    private StorageUnavailableException unavailable(String what, RuntimeException cause) {
        String detail = cause.getMessage();
        if (cause instanceof BlobStorageException service) {
            detail = BlobErrorCode.CONTAINER_NOT_FOUND.equals(service.getErrorCode())
                    ? "the container '" + container.getBlobContainerName() + "' does not exist (containers are never created implicitly)"
                    : describe(service) + ": " + firstLine(service.getServiceMessage());
        }
        return new StorageUnavailableException(location() + ": cannot " + what + ": " + detail, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
