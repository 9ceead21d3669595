package dev.omnigraph.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The configured bearer tokens, as SHA-256 hashes with the actor each belongs to. Plaintext tokens pass
 * through {@link Builder#add} and are hashed there; no field, message or {@code toString} ever holds one.
 *
 * <p>Authentication ({@link #authenticate}) follows the serving contract exactly: the header must start
 * with the case-sensitive prefix {@code "Bearer "}; the rest, not trimmed, is hashed and compared with
 * {@link MessageDigest#isEqual} (constant time) against every stored hash, the loop never exiting early, so
 * the time taken does not reveal which or how many tokens share a prefix with the presented one.
 * Immutable and thread-safe.
 */
public final class BearerTokenTable {

    public static final String BEARER_PREFIX = "Bearer ";

    private record Entry(String actor, byte[] hash) {
    }

    private final List<Entry> entries;

    private BearerTokenTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static BearerTokenTable empty() {
        return new BearerTokenTable(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The actors that hold a token, sorted. */
    public SortedSet<String> actors() {
        SortedSet<String> actors = new TreeSet<>();
        entries.forEach(entry -> actors.add(entry.actor()));
        return Collections.unmodifiableSortedSet(actors);
    }

    /** @param authorizationHeader the raw {@code Authorization} header value, empty when absent */
    public Authentication authenticate(Optional<String> authorizationHeader) {
        if (authorizationHeader.isEmpty() || !authorizationHeader.get().startsWith(BEARER_PREFIX)) {
            return new Authentication.Missing();
        }
        byte[] presented = sha256(authorizationHeader.get().substring(BEARER_PREFIX.length()));
        String matched = null;
        for (Entry entry : entries) {
            boolean equal = MessageDigest.isEqual(entry.hash(), presented);
            if (equal && matched == null) {
                matched = entry.actor();
            }
        }
        return matched == null ? new Authentication.Invalid() : new Authentication.Authenticated(matched);
    }

    @Override
    public String toString() {
        return "BearerTokenTable[" + entries.size() + " tokens for " + actors() + "]";
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform provides SHA-256", missing);
        }
    }

    /**
     * Collects (actor, token) pairs in the order the sources list them, trimming both and checking each as
     * it arrives, in the reference's order: blank actor, blank token, repeated actor, repeated token. Not
     * thread-safe; single use.
     */
    public static final class Builder {

        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /** @throws InvalidBearerTokensException when the pair breaks a rule; the table is then unusable */
        public Builder add(String actor, String token) {
            String trimmedActor = actor == null ? "" : actor.trim();
            if (trimmedActor.isEmpty()) {
                throw new InvalidBearerTokensException("bearer token actor names must not be blank");
            }
            String trimmedToken = token == null ? "" : token.trim();
            if (trimmedToken.isEmpty()) {
                throw new InvalidBearerTokensException("bearer token for actor '" + trimmedActor
                        + "' must not be blank");
            }
            byte[] hash = sha256(trimmedToken);
            for (Entry entry : entries) {
                if (entry.actor().equals(trimmedActor)) {
                    throw new InvalidBearerTokensException("duplicate bearer token actor '" + trimmedActor + "'");
                }
            }
            for (Entry entry : entries) {
                if (MessageDigest.isEqual(entry.hash(), hash)) {
                    throw new InvalidBearerTokensException("duplicate bearer token value configured (actors '"
                            + entry.actor() + "' and '" + trimmedActor + "')");
                }
            }
            entries.add(new Entry(trimmedActor, hash));
            return this;
        }

        public BearerTokenTable build() {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort((left, right) -> left.actor().compareTo(right.actor()));
            return new BearerTokenTable(sorted);
        }
    }
}
