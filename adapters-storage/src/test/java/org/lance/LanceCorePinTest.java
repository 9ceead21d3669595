package org.lance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Our {@link JniLoader} replaces a lance-core class by name and mirrors what the 7.0.0 original does
 * (load {@code /nativelib/<platform>/liblance_jni.*}, then call the native {@code initLanceLogger}).
 * A Lance upgrade may change that loader, the resource layout or the native symbols, and the shadow
 * would then break start-up in ways no other test pins down. So this guard fails loudly as soon as the
 * lance-core jar is not the one the shadow was written against: whoever upgrades must re-read the new
 * original loader, adjust ours, and update the constants here.
 */
class LanceCorePinTest {

    /** CRC-32 of {@code org/lance/JniLoader.class} in lance-core-7.0.0.jar (the loader we replace). */
    private static final long ORIGINAL_LOADER_CRC = 0xa5761606L;
    /** CRC-32 of the linux-x86-64 native library in lance-core-7.0.0.jar. */
    private static final long LINUX_X86_64_LIBRARY_CRC = 0x8ad82defL;

    @Test
    void lance_core_is_the_release_the_loader_was_written_for() throws Exception {
        Path jar = Path.of(Dataset.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals("lance-core-" + JniLoader.LANCE_VERSION + ".jar", jar.getFileName().toString(),
                "lance-core changed: re-check org.lance.JniLoader against the new original before updating LANCE_VERSION");
        assertEquals("7.0.0", JniLoader.LANCE_VERSION);
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry loader = file.getEntry("org/lance/JniLoader.class");
            assertNotNull(loader);
            assertEquals(ORIGINAL_LOADER_CRC, loader.getCrc(), "lance-core's own JniLoader changed; our shadow mirrors the old one");
            ZipEntry library = file.getEntry("nativelib/linux-x86-64/liblance_jni.so");
            assertNotNull(library, "the native library moved inside the jar");
            assertEquals(LINUX_X86_64_LIBRARY_CRC, library.getCrc());
        }
    }
}
