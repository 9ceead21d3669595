package dev.omnigraph.adapters.storage.objectstore;

import dev.omnigraph.ports.out.InvalidObjectKeyException;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.StorageUnavailableException;
import dev.omnigraph.ports.out.StoredObject;
import dev.omnigraph.ports.out.VersionToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * {@link ObjectStore} on a local folder.
 *
 * <p>How the port's promises are kept on a POSIX file system:
 * <ul>
 *   <li>Whole-object atomicity: every write goes to a temporary file in the target's own folder, is
 *       forced to the device, then renamed over the target (a single {@code rename(2)}), and the folder
 *       is forced so the rename survives a crash.</li>
 *   <li>Compare-and-swap across threads and processes: every mutation holds the store's write lock, an
 *       in-process {@link ReentrantLock} plus an OS file lock on {@code .omnigraph-locks/write.lock}
 *       under the root, so the read-compare-rename of {@link #putIfMatch} cannot interleave with another
 *       writer in any process. It is one lock, not one per key, on purpose: POSIX record locks are owned
 *       by processes, not threads, so two multi-threaded processes each holding one per-key lock while
 *       waiting for another are reported by the kernel as a deadlock ({@code EDEADLK}) although no thread
 *       waits for itself. The objects behind this port are small control-plane files, so serialising
 *       their writes costs nothing that matters. {@link #putIfAbsent}
 *       additionally publishes with {@code link(2)}, which fails if the name exists, so even a writer
 *       that ignores the locks cannot be overwritten by a create.</li>
 *   <li>Version tokens are the SHA-256 of the content, so they are stable across processes and
 *       restarts and need no side metadata.</li>
 * </ul>
 * Readers take no lock: the rename makes each read see one whole version.
 */
final class LocalFsObjectStore implements ObjectStore {

    private static final String TEMP_PREFIX = ObjectKey.RESERVED_SEGMENT_PREFIX + "tmp-";
    private static final String LOCK_FOLDER = ObjectKey.RESERVED_SEGMENT_PREFIX + "locks";

    private final Path root;
    private final boolean durable;
    private final ReentrantLock writeLock = new ReentrantLock();

    LocalFsObjectStore(LocalFsProperties properties) {
        this.root = properties.root();
        this.durable = properties.durable();
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.TOKENS_DERIVED_FROM_CONTENT));
    }

    @Override
    public String location() {
        return root.toUri().toString();
    }

    @Override
    public StoredObject get(ObjectKey key) {
        Path path = pathOf(key);
        try {
            byte[] bytes = Files.readAllBytes(path);
            return new StoredObject(key, bytes, tokenOf(bytes));
        } catch (NoSuchFileException | NotDirectoryException missing) {
            throw new ObjectNotFoundException(key);
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw new ObjectNotFoundException(key);
            }
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public boolean exists(ObjectKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public VersionToken put(ObjectKey key, byte[] bytes) {
        return underKeyLock(key, () -> {
            Path target = pathOf(key);
            Path temp = writeTemporary(target, bytes);
            replace(temp, target);
            return tokenOf(bytes);
        });
    }

    @Override
    public VersionToken putIfAbsent(ObjectKey key, byte[] bytes) {
        return underKeyLock(key, () -> {
            Path target = pathOf(key);
            if (Files.exists(target)) {
                throw new PreconditionFailedException(key, "an object already exists");
            }
            Path temp = writeTemporary(target, bytes);
            try {
                publishIfAbsent(key, temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            forceFolder(target.getParent());
            return tokenOf(bytes);
        });
    }

    @Override
    public VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected) {
        return underKeyLock(key, () -> {
            Path target = pathOf(key);
            byte[] current;
            try {
                current = Files.readAllBytes(target);
            } catch (NoSuchFileException | NotDirectoryException missing) {
                throw new PreconditionFailedException(key, "the object does not exist");
            }
            if (!tokenOf(current).equals(expected)) {
                throw new PreconditionFailedException(key, "the object is no longer at version " + expected);
            }
            Path temp = writeTemporary(target, bytes);
            replace(temp, target);
            return tokenOf(bytes);
        });
    }

    @Override
    public List<ObjectKey> list(String prefix) {
        ObjectKey.checkPrefix(prefix);
        int lastSlash = prefix.lastIndexOf('/');
        Path base = lastSlash < 0 ? root : root.resolve(prefix.substring(0, lastSlash));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<ObjectKey> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path))
                    .filter(relative -> !isBookkeeping(relative))
                    .map(relative -> relative.toString().replace(relative.getFileSystem().getSeparator(), "/"))
                    .filter(name -> name.startsWith(prefix))
                    .forEach(name -> keys.add(new ObjectKey(name)));
        } catch (IOException | UncheckedIOException e) {
            throw unavailable("list " + prefix, e);
        }
        Collections.sort(keys);
        return List.copyOf(keys);
    }

    @Override
    public void delete(ObjectKey key) {
        underKeyLock(key, () -> {
            Path target = pathOf(key);
            if (Files.isDirectory(target)) {
                return null;
            }
            try {
                if (Files.deleteIfExists(target)) {
                    forceFolder(target.getParent());
                }
            } catch (NotDirectoryException parentIsAFile) {
                return null;
            }
            return null;
        });
    }

    /** Removes the folder's whole directory tree (nested stores' bookkeeping included), then forces its parent. */
    @Override
    public void deleteFolder(String prefix) {
        ObjectKey.checkPrefix(prefix);
        if (prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new InvalidObjectKeyException(prefix, "a folder to delete ends with '/' and is not the store's root");
        }
        Path folder = root.resolve(prefix).normalize();
        if (!folder.startsWith(root) || folder.equals(root) || folder.startsWith(root.resolve(LOCK_FOLDER))) {
            throw new InvalidObjectKeyException(prefix, "not a folder of this store's objects");
        }
        underWriteLock("delete folder " + prefix, () -> {
            if (!Files.isDirectory(folder)) {
                return null;
            }
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            forceFolder(folder.getParent());
            return null;
        });
    }

    @Override
    public String toString() {
        return "LocalFsObjectStore[" + root + "]";
    }

    private Path pathOf(ObjectKey key) {
        Path path = root.resolve(key.value()).normalize();
        if (!path.startsWith(root)) {
            throw new StorageUnavailableException("key " + key + " resolves outside the store root", null);
        }
        return path;
    }

    private static boolean isBookkeeping(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().startsWith(ObjectKey.RESERVED_SEGMENT_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private Path writeTemporary(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder(target.getParent());
    }

    /**
     * Publishes {@code temp} under {@code target} only if the name is free. A hard link is the atomic
     * create-if-absent of POSIX file systems; where links are not supported the key lock (held by the
     * caller) still makes the check-and-rename exclusive among Omnigraph processes.
     */
    private static void publishIfAbsent(ObjectKey key, Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException exists) {
            throw new PreconditionFailedException(key, "an object already exists");
        } catch (UnsupportedOperationException | AccessDeniedException noHardLinks) {
            if (Files.exists(target)) {
                throw new PreconditionFailedException(key, "an object already exists");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException linkRefused) {
            if (Files.exists(target)) {
                throw new PreconditionFailedException(key, "an object already exists");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void forceFolder(Path folder) throws IOException {
        if (!durable) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static VersionToken tokenOf(byte[] bytes) {
        try {
            return new VersionToken(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides SHA-256", impossible);
        }
    }

    private interface LockedAction<T> {
        T run() throws IOException;
    }

    /** Runs a mutation of {@code key} while holding the write lock both inside this JVM and across processes. */
    private <T> T underKeyLock(ObjectKey key, LockedAction<T> action) {
        return underWriteLock("write " + key, action);
    }

    private <T> T underWriteLock(String what, LockedAction<T> action) {
        writeLock.lock();
        try {
            Path lockFile = lockFile();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock acrossProcesses = channel.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw unavailable(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    private Path lockFile() throws IOException {
        Path folder = root.resolve(LOCK_FOLDER);
        Files.createDirectories(folder);
        return folder.resolve("write.lock");
    }

    private StorageUnavailableException unavailable(String what, Exception cause) {
        return new StorageUnavailableException("local store " + root + ": cannot " + what + ": " + cause, cause);
    }
}
