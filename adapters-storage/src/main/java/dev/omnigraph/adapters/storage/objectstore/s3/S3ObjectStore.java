package dev.omnigraph.adapters.storage.objectstore.s3;

import dev.omnigraph.ports.out.InvalidObjectKeyException;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStore;
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
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on an S3 bucket prefix, for AWS and S3-compatible servers that implement conditional
 * writes.
 *
 * <p>How the port's promises are kept:
 * <ul>
 *   <li>Whole-object atomicity: every write is one single-part {@code PutObject}, which S3 makes visible
 *       all at once.</li>
 *   <li>Compare-and-swap across processes: {@link #putIfAbsent} sends {@code If-None-Match: *} and
 *       {@link #putIfMatch} sends {@code If-Match: <etag>}; the server decides atomically. {@code 412}, and
 *       {@code 409 ConditionalRequestConflict} (AWS's answer to a concurrent conditional write on the same
 *       key), become {@link PreconditionFailedException}; a {@code 404} answer to {@code If-Match} means the
 *       object is gone, which is a lost condition too. A server that ignores these headers breaks the
 *       contract silently; the conformance suite's races catch such a server.</li>
 *   <li>Version tokens are the ETags exactly as S3 returns them (quotes included). They are not promised to
 *       follow content: with SSE-KMS, SSE-C or multipart uploads they are not MD5 digests, and S3-compatible
 *       servers differ.</li>
 *   <li>Reads return bytes and ETag from one {@code GetObject} response, so they belong together.</li>
 *   <li>A conditional write that failed with an I/O error is not retried (see {@link S3ObjectStores}) and
 *       surfaces as {@link StorageUnavailableException}: the write may or may not have landed, so callers
 *       re-read before deciding, exactly as after a lost race.</li>
 * </ul>
 */
final class S3ObjectStore implements ObjectStore {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Client s3;
    private final S3Client conditionalWrites;
    private final String bucket;
    /** The root's key prefix: empty, or ending with {@code /}. */
    private final String root;

    S3ObjectStore(S3Client s3, S3Client conditionalWrites, String bucket, String prefix) {
        this.s3 = s3;
        this.conditionalWrites = conditionalWrites;
        this.bucket = bucket;
        this.root = prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.noneOf(Capability.class));
    }

    @Override
    public String location() {
        return "s3://" + bucket + (root.isEmpty() ? "" : "/" + root.substring(0, root.length() - 1));
    }

    @Override
    public StoredObject get(ObjectKey key) {
        try {
            ResponseBytes<GetObjectResponse> response = s3.getObjectAsBytes(b -> b.bucket(bucket).key(nameOf(key)));
            return new StoredObject(key, response.asByteArrayUnsafe(), token(response.response().eTag(), key));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 && !isMissingBucket(e)) {
                throw new ObjectNotFoundException(key);
            }
            throw unavailable("read " + key, e);
        } catch (SdkException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public boolean exists(ObjectKey key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(nameOf(key)));
            return true;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 && !isMissingBucket(e)) {
                return false;
            }
            throw unavailable("check " + key, e);
        } catch (SdkException e) {
            throw unavailable("check " + key, e);
        }
    }

    @Override
    public VersionToken put(ObjectKey key, byte[] bytes) {
        try {
            return token(s3.putObject(request(key).build(), RequestBody.fromBytes(bytes)).eTag(), key);
        } catch (SdkException e) {
            throw unavailable("write " + key, e);
        }
    }

    @Override
    public VersionToken putIfAbsent(ObjectKey key, byte[] bytes) {
        try {
            return token(conditionalWrites.putObject(request(key).ifNoneMatch("*").build(), RequestBody.fromBytes(bytes)).eTag(), key);
        } catch (AwsServiceException e) {
            if (lostCondition(e, false)) {
                throw new PreconditionFailedException(key, "an object already exists (" + describe(e) + ")");
            }
            throw unavailable("create " + key, e);
        } catch (SdkException e) {
            throw unavailable("create " + key + " (the outcome is unknown; re-read before deciding)", e);
        }
    }

    @Override
    public VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected) {
        try {
            return token(conditionalWrites.putObject(request(key).ifMatch(expected.value()).build(),
                    RequestBody.fromBytes(bytes)).eTag(), key);
        } catch (AwsServiceException e) {
            if (lostCondition(e, true)) {
                throw new PreconditionFailedException(key, "the object is no longer at version " + expected
                        + " or is absent (" + describe(e) + ")");
            }
            throw unavailable("replace " + key, e);
        } catch (SdkException e) {
            throw unavailable("replace " + key + " (the outcome is unknown; re-read before deciding)", e);
        }
    }

    @Override
    public List<ObjectKey> list(String prefix) {
        ObjectKey.checkPrefix(prefix);
        List<ObjectKey> keys = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(root + prefix)).contents()) {
                toKey(object.key()).ifPresent(keys::add);
            }
        } catch (SdkException e) {
            throw unavailable("list " + prefix, e);
        }
        // S3 orders by UTF-8 bytes, the port by Java string order; they differ beyond the BMP
        Collections.sort(keys);
        return List.copyOf(keys);
    }

    @Override
    public void delete(ObjectKey key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(nameOf(key)));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 && !isMissingBucket(e)) {
                return;
            }
            throw unavailable("delete " + key, e);
        } catch (SdkException e) {
            throw unavailable("delete " + key, e);
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + location() + "]";
    }

    private String nameOf(ObjectKey key) {
        return root + key.value();
    }

    /**
     * The key of a listed object name, or nothing for names that are not keys of this store: folder
     * markers ({@code a/}) and names written by other tools that break the key rules.
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

    private PutObjectRequest.Builder request(ObjectKey key) {
        return PutObjectRequest.builder().bucket(bucket).key(nameOf(key)).contentType(OCTET_STREAM);
    }

    private static boolean lostCondition(AwsServiceException e, boolean objectMustExist) {
        int status = e.statusCode();
        return status == 412
                || (status == 409 && "ConditionalRequestConflict".equals(errorCode(e)))
                || (objectMustExist && status == 404 && !isMissingBucket(e));
    }

    private static boolean isMissingBucket(AwsServiceException e) {
        return "NoSuchBucket".equals(errorCode(e));
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String describe(AwsServiceException e) {
        String code = errorCode(e);
        return "HTTP " + e.statusCode() + (code == null ? "" : " " + code);
    }

    private VersionToken token(String etag, ObjectKey key) {
        if (etag == null || etag.isEmpty()) {
            throw new StorageUnavailableException(location() + ": the server returned no ETag for " + key
                    + "; conditional writes need one", null);
        }
        return new VersionToken(etag);
    }

    private StorageUnavailableException unavailable(String what, SdkException cause) {
        String detail = cause instanceof AwsServiceException service ? describe(service) + ": " + service.getMessage()
                : cause.getMessage();
        if (cause instanceof AwsServiceException service && isMissingBucket(service)) {
            detail = "the bucket '" + bucket + "' does not exist (buckets are never created implicitly)";
        }
        return new StorageUnavailableException(location() + ": cannot " + what + ": " + detail, cause);
    }
}
