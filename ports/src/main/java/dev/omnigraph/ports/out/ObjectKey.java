package dev.omnigraph.ports.out;

/**
 * The name of one object in an {@link ObjectStore}, relative to the store's root.
 *
 * <p>A key is a sequence of {@code /}-separated segments, each non-empty, none {@code .} or {@code ..},
 * none starting with {@value #RESERVED_SEGMENT_PREFIX} (reserved for the adapters' own temporary and lock
 * files), with no backslash, NUL or control characters. Keys are therefore safe to map onto a local
 * directory tree as well as onto object-store names, and the same key means the same object on every
 * backend. A key that is used as a folder of other keys ({@code a} for {@code a/b}) is never itself an
 * object: local disk cannot represent both, so layouts never do this.
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {

    /** Segment prefix reserved for adapter bookkeeping; never a user key. */
    public static final String RESERVED_SEGMENT_PREFIX = ".omnigraph-";

    public ObjectKey {
        if (value == null || value.isEmpty()) {
            throw new InvalidObjectKeyException(String.valueOf(value), "a key must not be empty");
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            throw new InvalidObjectKeyException(value, "a key must not start or end with '/'");
        }
        for (String segment : value.split("/", -1)) {
            checkSegment(value, segment);
        }
    }

    /**
     * Checks a listing prefix: the same character rules as a key, and no {@code .} or {@code ..} segment,
     * so no prefix can address anything outside the store's root. An empty prefix means everything.
     *
     * @return the prefix unchanged
     * @throws InvalidObjectKeyException if the prefix breaks a rule
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new InvalidObjectKeyException("null", "a prefix must not be null");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        if (prefix.startsWith("/")) {
            throw new InvalidObjectKeyException(prefix, "a prefix must not start with '/'");
        }
        String[] segments = prefix.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (last && segments[i].isEmpty()) {
                continue;
            }
            if (!last || segments[i].equals(".") || segments[i].equals("..")) {
                checkSegment(prefix, segments[i]);
            } else {
                checkCharacters(prefix, segments[i]);
            }
        }
        return prefix;
    }

    /** Builds a key from path segments, e.g. {@code ObjectKey.of("__cluster", "state.json")}. */
    public static ObjectKey of(String first, String... more) {
        StringBuilder joined = new StringBuilder(first);
        for (String segment : more) {
            joined.append('/').append(segment);
        }
        return new ObjectKey(joined.toString());
    }

    /** The key of a child object below this key taken as a folder. */
    public ObjectKey child(String relative) {
        return new ObjectKey(value + "/" + relative);
    }

    /** The last segment. */
    public String fileName() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    @Override
    public int compareTo(ObjectKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void checkSegment(String key, String segment) {
        if (segment.isEmpty()) {
            throw new InvalidObjectKeyException(key, "a key must not contain an empty segment ('//')");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new InvalidObjectKeyException(key, "a key must not contain '.' or '..' segments");
        }
        if (segment.startsWith(RESERVED_SEGMENT_PREFIX)) {
            throw new InvalidObjectKeyException(key, "segments starting with '" + RESERVED_SEGMENT_PREFIX + "' are reserved");
        }
        checkCharacters(key, segment);
    }

    private static void checkCharacters(String key, String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                throw new InvalidObjectKeyException(key, "a key must not contain backslashes or control characters");
            }
        }
    }
}
