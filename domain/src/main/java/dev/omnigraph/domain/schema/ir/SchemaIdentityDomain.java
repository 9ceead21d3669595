package dev.omnigraph.domain.schema.ir;

/**
 * The opaque namespace of every numeric identity in one graph root: a canonical upper-case ULID.
 * Minting a new one needs time and randomness, so callers mint it outside the domain and pass it in.
 */
public record SchemaIdentityDomain(String value) {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public SchemaIdentityDomain {
        if (value == null || value.length() != 26) {
            throw new SchemaIdentityException(IdentityCodes.INVALID_DOMAIN,
                    "invalid schema identity domain: '" + value + "' is not a 26-character ULID");
        }
        for (int i = 0; i < value.length(); i++) {
            if (CROCKFORD.indexOf(value.charAt(i)) < 0) {
                throw new SchemaIdentityException(IdentityCodes.INVALID_DOMAIN, "invalid schema identity domain: '"
                        + value + "' is not a canonical uppercase ULID (character " + (i + 1) + ")");
            }
        }
        if (value.charAt(0) > '7') {
            throw new SchemaIdentityException(IdentityCodes.INVALID_DOMAIN,
                    "invalid schema identity domain: '" + value + "' overflows 128 bits");
        }
    }

    public static SchemaIdentityDomain parse(String value) {
        return new SchemaIdentityDomain(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
