package dev.omnigraph.domain.graph.recovery;

/** Spelling check for ULIDs (operation and commit ids): 26 upper-case Crockford base-32 characters. */
final class Ulids {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Ulids() {
    }

    static boolean isUlid(String value) {
        if (value == null || value.length() != 26 || value.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (CROCKFORD.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static String require(String value, String what) {
        if (!isUlid(value)) {
            throw new IllegalArgumentException(what + " must be a ULID (26 upper-case Crockford base-32 characters), got '"
                    + value + "'");
        }
        return value;
    }
}
