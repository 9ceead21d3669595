/**
 * The pure core of Omnigraph: model and decisions, with no I/O.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only ({@code java.lang}, {@code java.util},
 * {@code java.time}, {@code java.math}, {@code java.security.MessageDigest}, {@code java.nio.charset}).
 * No files, sockets, threads, clocks or randomness: time and ids arrive as arguments.
 */
package dev.omnigraph.domain;
