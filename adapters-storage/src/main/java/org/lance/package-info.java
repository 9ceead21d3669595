/**
 * Omnigraph's replacement for one class of lance-core: {@link org.lance.JniLoader}. Nothing else of
 * Lance is touched.
 *
 * <p><b>Why.</b> lance-core 7.0.0 loads its native library from the static initialiser of
 * {@code org.lance.JniLoader}, through {@code io.questdb.jar.jni.JarJniLoader}, which inflates the
 * 181 MB {@code liblance_jni.so} (a 65 MB compressed jar entry) into {@code java.io.tmpdir} on
 * <em>every</em> JVM start: about 0.9 s of a CLI command whose budget is 1.5 s including JVM start, and
 * 181 MB left behind whenever a process is killed. No property or environment variable makes it reuse
 * an earlier copy, and loading a copy ourselves first does not help (the original loader unpacks and
 * loads a second copy anyway). So this module ships a class with the same name and members that
 * extracts the library once per library build into a versioned cache file and loads that, falling back
 * to the original behaviour when the cache cannot be used. Measured on the project's 2-core machine:
 * class initialisation drops from about 800-940 ms to a few milliseconds.
 *
 * <p><b>How it wins.</b> On the class path the first {@code org/lance/JniLoader.class} found is used.
 * {@code adapters-storage} declares its own classes before its dependencies, so in every class path
 * Maven builds for this module and its dependants (tests, {@code bootstrap}, the distribution's
 * {@code lib/} order) our class precedes {@code lance-core-7.0.0.jar}. It does not work on the module
 * path (split package). {@code JniLoaderTest} asserts that the class is loaded from this module and that
 * a second JVM reuses the cached file.
 *
 * <p><b>Pinned to lance-core 7.0.0.</b> The class mirrors the 7.0.0 original byte for byte in behaviour:
 * the {@code /nativelib/<platform>/liblance_jni.<ext>} resource layout, the native
 * {@code initLanceLogger()} called right after loading (its JNI symbol is bound by class name), and the
 * empty {@code ensureLoaded()}. {@code LanceCorePinTest} fails the build if the lance-core jar is not
 * 7.0.0 or its {@code JniLoader} class differs from the one studied; whoever upgrades Lance must
 * re-check the original loader and update {@link org.lance.JniLoader#LANCE_VERSION} and that test.
 *
 * <p>The cache folder is {@code $OMNIGRAPH_CACHE_DIR/native} (system property
 * {@code omnigraph.cache.dir} first), by default {@code ~/.cache/omnigraph/native}.
 *
 * <p>Layer: adapter (driven) support code, outside the {@code dev.omnigraph} packages the architecture
 * rules cover. Allowed dependencies: the JDK, SLF4J, lance-core's own dependencies
 * ({@code io.questdb.jar.jni}).
 */
package org.lance;
