package org.lance;

import io.questdb.jar.jni.JarJniLoader;
import io.questdb.jar.jni.Platform;
import io.questdb.jar.jni.PlatformConventions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces lance-core 7.0.0's {@code org.lance.JniLoader} (same name, same members) so that Lance's
 * 181 MB native library is unpacked once per library build instead of on every JVM start. See
 * {@code package-info.java} for why, and for the pin to lance-core 7.0.0.
 *
 * <p>Contract kept from the original: class initialisation loads {@code liblance_jni} and then calls the
 * native {@link #initLanceLogger()}; {@link #ensureLoaded()} does nothing but trigger that
 * initialisation (every Lance class calls it from its own static initialiser).
 *
 * <p>What differs: the library is extracted to
 * {@code <cache>/native/liblance_jni-<lance version>-<platform>-<crc32>.<ext>}, where {@code <cache>} is
 * the system property {@value #CACHE_DIR_PROPERTY}, else the environment variable
 * {@value #CACHE_DIR_ENV}, else {@code ~/.cache/omnigraph}. The file is written to a temporary name in
 * the same folder, checked against the jar entry's CRC-32 and size, and renamed into place atomically,
 * so a concurrent or interrupted start can never load a partial file; later starts reuse it when its
 * size matches the jar entry (the name already carries the entry's CRC). If the cache cannot be used
 * (read-only home, no jar, a failed load), the original behaviour runs: extraction to
 * {@code java.io.tmpdir} on every start.
 */
public class JniLoader {

    /** The lance-core release this class replaces the loader of; the pin test compares it with the jar. */
    public static final String LANCE_VERSION = "7.0.0";
    /** Overrides the cache folder (tests, packaging). */
    public static final String CACHE_DIR_PROPERTY = "omnigraph.cache.dir";
    /** Overrides the cache folder for an installation. */
    public static final String CACHE_DIR_ENV = "OMNIGRAPH_CACHE_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(JniLoader.class);
    private static final String RESOURCE_ROOT = "/nativelib";
    private static final String LIBRARY = "lance_jni";

    /** Where the library was loaded from, or {@code null} when the original extraction ran. */
    private static final Path LOADED_FROM;
    /** Whether this start had to extract the library into the cache. */
    private static final boolean EXTRACTED;

    static {
        long start = System.nanoTime();
        CacheResult cached = loadFromCache();
        if (cached == null) {
            JarJniLoader.loadLib(Dataset.class, RESOURCE_ROOT, LIBRARY);
        }
        LOADED_FROM = cached == null ? null : cached.path();
        EXTRACTED = cached != null && cached.extracted();
        initLanceLogger();
        if (LOG.isDebugEnabled()) {
            LOG.debug("loaded {} from {} in {} ms{}", LIBRARY, cached == null ? "a temporary extraction" : cached.path(),
                    (System.nanoTime() - start) / 1_000_000, EXTRACTED ? " (extracted into the cache)" : "");
        }
    }

    private JniLoader() {}

    static native void initLanceLogger();

    /** Loads the native library if this is the first call in the JVM; does nothing afterwards. */
    public static void ensureLoaded() {
        // class initialisation did the work
    }

    /** The cached library file this JVM loaded, or {@code null} if the fallback extraction ran. */
    public static Path loadedFrom() {
        return LOADED_FROM;
    }

    /** Whether this JVM extracted the library into the cache (false when it reused the cached file). */
    public static boolean extractedThisRun() {
        return EXTRACTED;
    }

    private record CacheResult(Path path, boolean extracted) {}

    /** Loads the library through the cache; {@code null} (after logging why) if that is not possible. */
    private static CacheResult loadFromCache() {
        String resource = RESOURCE_ROOT + "/" + Platform.RESOURCE_PREFIX + "/" + PlatformConventions.LIB_PREFIX + LIBRARY
                + PlatformConventions.LIB_SUFFIX;
        Path target = null;
        boolean extracted = false;
        try {
            // the jar holding lance-core's classes holds the library; asking for it by code source avoids a
            // resource search through every jar of a long class path
            java.security.CodeSource source = Dataset.class.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            if (url == null || !"file".equals(url.getProtocol()) || !url.getPath().endsWith(".jar")) {
                LOG.debug("lance-core is not a local jar ({}); using Lance's own extraction", url);
                return null;
            }
            Path jar = Path.of(url.toURI());
            String entryName = resource.substring(1);
            long size;
            long crc;
            try (JarFile jarFile = new JarFile(jar.toFile(), false)) {
                JarEntry entry = jarFile.getJarEntry(entryName);
                if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
                    LOG.debug("{} has no sized entry {}; using Lance's own extraction", jar, entryName);
                    return null;
                }
                size = entry.getSize();
                crc = entry.getCrc();
                target = cacheFolder().resolve(cacheFileName(PlatformConventions.LIB_PREFIX + LIBRARY,
                        PlatformConventions.LIB_SUFFIX, Platform.RESOURCE_PREFIX, crc));
                if (!(Files.isRegularFile(target) && Files.size(target) == size)) {
                    extract(jarFile, entry, target, size, crc);
                    extracted = true;
                }
            }
            System.load(target.toAbsolutePath().toString());
            return new CacheResult(target, extracted);
        } catch (IOException | RuntimeException | LinkageError | java.net.URISyntaxException e) {
            LOG.warn("cannot use the native library cache ({}); Lance will unpack its library into {} on every start: {}",
                    target, System.getProperty("java.io.tmpdir"), e.toString());
            if (target != null && e instanceof UnsatisfiedLinkError) {
                deleteQuietly(target);
            }
            return null;
        }
    }

    /** {@code liblance_jni-7.0.0-linux-x86-64-8ad82def.so}. */
    static String cacheFileName(String libraryPrefix, String suffix, String platform, long crc) {
        return libraryPrefix + "-" + LANCE_VERSION + "-" + platform + "-" + String.format(Locale.ROOT, "%08x", crc) + suffix;
    }

    static Path cacheFolder() {
        String configured = System.getProperty(CACHE_DIR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(CACHE_DIR_ENV);
        }
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "omnigraph")
                : Path.of(configured);
        return root.resolve("native");
    }

    private static void extract(JarFile jar, JarEntry entry, Path target, long size, long crc) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString() + ".", ".partial");
        try {
            CRC32 checksum = new CRC32();
            long written = 0;
            byte[] buffer = new byte[1 << 20];
            try (InputStream in = jar.getInputStream(entry); OutputStream out = Files.newOutputStream(temporary)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    checksum.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                    written += read;
                }
            }
            if (written != size || checksum.getValue() != crc) {
                throw new IOException("extracted " + written + " bytes with CRC " + Long.toHexString(checksum.getValue())
                        + ", the jar entry has " + size + " bytes with CRC " + Long.toHexString(crc));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", path, e.toString());
        }
    }
}
