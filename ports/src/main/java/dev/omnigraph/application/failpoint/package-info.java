/**
 * Failpoints: named crash windows in the write, publish and recovery paths that tests can make fail or pause, so
 * every interleaving the recovery protocol claims to survive can be produced on demand instead of hoped for.
 *
 * <p>Production code calls {@link dev.omnigraph.application.failpoint.Failpoints#maybeFail(String)} with a
 * {@link dev.omnigraph.application.failpoint.FailpointNames} constant at each window; while nothing is armed that call
 * costs one volatile read. Arming is package-private: only the test API shipped in this module's test-jar
 * ({@code ScopedFailpoint}, {@code Rendezvous}, same package) can arm, so production code cannot switch a failpoint
 * on. The registry is process-wide, like the reference's; tests that arm must not run concurrently with other tests
 * that pass the same windows.
 *
 * <p>Layer: application. Allowed dependencies: the JDK. Reachable from the application services only (adapters
 * cannot see the application layer).
 */
package dev.omnigraph.application.failpoint;
