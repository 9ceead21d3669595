/**
 * Who may talk to a served cluster at all: the server's runtime state from its configuration (Open,
 * DefaultDeny, PolicyEnabled, or a refusal to start), the truthy-flag rule of opt-in environment variables,
 * and the bearer token table that authenticates a request's {@code Authorization} header to an actor id.
 * Tokens are hashed (SHA-256) the moment they are added and compared in constant time; plaintext is never
 * kept. What an authenticated actor may do is {@code dev.omnigraph.domain.policy}'s concern.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list ({@code java.security.MessageDigest} for the
 * hashes).
 */
package dev.omnigraph.domain.access;
