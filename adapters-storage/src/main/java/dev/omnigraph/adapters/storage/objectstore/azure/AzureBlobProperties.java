package dev.omnigraph.adapters.storage.objectstore.azure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the Azure Blob object stores: one storage account, its blob endpoint and a shared key or SAS
 * token. The same record feeds the object store and Lance's storage options, so both reach the account the
 * same way.
 *
 * @param accountName the storage account
 * @param blobEndpoint the blob service URL including the account where the service needs it (Azurite:
 *     {@code http://127.0.0.1:10000/devstoreaccount1}; Azure: {@code https://<account>.blob.core.windows.net})
 * @param accountKey the shared key, if the account is reached with one
 * @param sasToken a shared access signature (query string without the leading {@code ?}), if used instead
 * @param emulator whether the endpoint is a local emulator (Azurite)
 */
public record AzureBlobProperties(String accountName, URI blobEndpoint, Optional<String> accountKey,
        Optional<String> sasToken, boolean emulator) {

    /** The account every Azurite instance serves by default. */
    public static final String EMULATOR_ACCOUNT = "devstoreaccount1";
    /** The published, well-known key of {@link #EMULATOR_ACCOUNT}; not a secret. */
    public static final String EMULATOR_ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /** Where Azurite's blob service listens by default. */
    public static final String EMULATOR_BLOB_URL = "http://127.0.0.1:10000";

    public AzureBlobProperties {
        if (accountName == null || accountName.isBlank()) {
            throw new IllegalArgumentException("an Azure storage account name is required");
        }
        Objects.requireNonNull(blobEndpoint, "blobEndpoint");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(sasToken, "sasToken");
        if (accountKey.isEmpty() && sasToken.isEmpty()) {
            throw new IllegalArgumentException("Azure account '" + accountName + "' has no credential: set "
                    + "AZURE_STORAGE_ACCOUNT_KEY (or AZURE_STORAGE_KEY) or AZURE_STORAGE_SAS_TOKEN, or use "
                    + "AZURE_STORAGE_CONNECTION_STRING");
        }
        String scheme = blobEndpoint.getScheme() == null ? "" : blobEndpoint.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("https") && !scheme.equals("http")) || blobEndpoint.getHost() == null) {
            throw new IllegalArgumentException("the Azure blob endpoint " + blobEndpoint + " must be an http:// or https:// URL");
        }
        sasToken = sasToken.map(token -> token.startsWith("?") ? token.substring(1) : token);
    }

    /** Whether the endpoint is plain HTTP (only ever accepted when explicitly configured, see {@link #fromEnvironment}). */
    public boolean plainHttp() {
        return blobEndpoint.getScheme().equalsIgnoreCase("http");
    }

    /** Never shows the key or the SAS token. */
    @Override
    public String toString() {
        return "AzureBlobProperties[accountName=" + accountName + ", blobEndpoint=" + blobEndpoint
                + ", accountKey=" + (accountKey.isPresent() ? "***" : "none")
                + ", sasToken=" + (sasToken.isPresent() ? "***" : "none") + ", emulator=" + emulator + "]";
    }

    /**
     * Reads the settings from environment variables (the map is the process environment in production and
     * a hand-made map in tests). The first of these that applies wins:
     * <ol>
     *   <li>{@code AZURE_STORAGE_CONNECTION_STRING}: an Azure connection string ({@code AccountName},
     *       {@code AccountKey} or {@code SharedAccessSignature}, {@code BlobEndpoint} or
     *       {@code DefaultEndpointsProtocol} + {@code EndpointSuffix}, or {@code UseDevelopmentStorage=true});</li>
     *   <li>{@code AZURE_STORAGE_USE_EMULATOR} truthy: Azurite at {@code AZURITE_BLOB_STORAGE_URL} (default
     *       {@value #EMULATOR_BLOB_URL}), account {@value #EMULATOR_ACCOUNT} with its well-known key unless
     *       an account and key are given;</li>
     *   <li>{@code AZURE_STORAGE_ACCOUNT_NAME} (or {@code AZURE_STORAGE_ACCOUNT}) with
     *       {@code AZURE_STORAGE_ACCOUNT_KEY} (or {@code AZURE_STORAGE_KEY}, {@code AZURE_STORAGE_ACCESS_KEY})
     *       or {@code AZURE_STORAGE_SAS_TOKEN}; endpoint {@code AZURE_STORAGE_ENDPOINT}, default
     *       {@code https://<account>.blob.core.windows.net}.</li>
     * </ol>
     * A plain {@code http://} endpoint is accepted from a connection string or in emulator mode (both say so
     * explicitly); with {@code AZURE_STORAGE_ENDPOINT} it also needs {@code AZURE_ALLOW_HTTP} truthy, so
     * credentials are never sent in clear text by accident.
     *
     * @throws IllegalArgumentException when no account is configured, or for a malformed value
     */
    public static AzureBlobProperties fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Optional<String> connectionString = first(environment, "AZURE_STORAGE_CONNECTION_STRING");
        if (connectionString.isPresent()) {
            return fromConnectionString(connectionString.get());
        }
        Optional<String> account = first(environment, "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_STORAGE_ACCOUNT");
        Optional<String> key = first(environment, "AZURE_STORAGE_ACCOUNT_KEY", "AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCESS_KEY");
        Optional<String> sas = first(environment, "AZURE_STORAGE_SAS_TOKEN");
        Optional<String> endpoint = first(environment, "AZURE_STORAGE_ENDPOINT");
        if (flag(environment, "AZURE_STORAGE_USE_EMULATOR")) {
            String name = account.orElse(EMULATOR_ACCOUNT);
            if (key.isEmpty() && sas.isEmpty() && name.equals(EMULATOR_ACCOUNT)) {
                key = Optional.of(EMULATOR_ACCOUNT_KEY);
            }
            URI blob = endpoint.map(AzureBlobProperties::parseUri).orElseGet(() -> parseUri(
                    stripTrailingSlashes(first(environment, "AZURITE_BLOB_STORAGE_URL").orElse(EMULATOR_BLOB_URL)) + "/" + name));
            return new AzureBlobProperties(name, blob, key, sas, true);
        }
        if (account.isEmpty()) {
            throw new IllegalArgumentException("no Azure storage account configured: set AZURE_STORAGE_CONNECTION_STRING, "
                    + "or AZURE_STORAGE_ACCOUNT_NAME with AZURE_STORAGE_ACCOUNT_KEY or AZURE_STORAGE_SAS_TOKEN, "
                    + "or AZURE_STORAGE_USE_EMULATOR=true for Azurite");
        }
        URI blob = endpoint.map(AzureBlobProperties::parseUri)
                .orElseGet(() -> parseUri("https://" + account.get() + ".blob.core.windows.net"));
        if (blob.getScheme() != null && blob.getScheme().equalsIgnoreCase("http") && !flag(environment, "AZURE_ALLOW_HTTP")) {
            throw new IllegalArgumentException("the Azure blob endpoint " + blob
                    + " is plain HTTP; set AZURE_ALLOW_HTTP=true to allow it (credentials travel unencrypted)");
        }
        return new AzureBlobProperties(account.get(), blob, key, sas, false);
    }

    /** Parses an Azure Storage connection string ({@code Key=Value;…}). */
    static AzureBlobProperties fromConnectionString(String connectionString) {
        Map<String, String> parts = new HashMap<>();
        for (String part : connectionString.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("AZURE_STORAGE_CONNECTION_STRING has a part without '=': it must be "
                        + "Key=Value pairs separated by ';'");
            }
            parts.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
        }
        if ("true".equalsIgnoreCase(parts.get("usedevelopmentstorage"))) {
            String proxy = stripTrailingSlashes(parts.getOrDefault("developmentstorageproxyuri", EMULATOR_BLOB_URL));
            return new AzureBlobProperties(EMULATOR_ACCOUNT, parseUri(proxy + "/" + EMULATOR_ACCOUNT),
                    Optional.of(EMULATOR_ACCOUNT_KEY), Optional.empty(), true);
        }
        String account = parts.get("accountname");
        Optional<String> key = Optional.ofNullable(parts.get("accountkey"));
        Optional<String> sas = Optional.ofNullable(parts.get("sharedaccesssignature"));
        URI blob;
        if (parts.containsKey("blobendpoint")) {
            blob = parseUri(stripTrailingSlashes(parts.get("blobendpoint")));
        } else if (account != null) {
            String protocol = parts.getOrDefault("defaultendpointsprotocol", "https");
            String suffix = parts.getOrDefault("endpointsuffix", "core.windows.net");
            blob = parseUri(protocol + "://" + account + ".blob." + suffix);
        } else {
            throw new IllegalArgumentException("AZURE_STORAGE_CONNECTION_STRING names neither AccountName nor BlobEndpoint");
        }
        if (account == null) {
            account = accountFromEndpoint(blob);
        }
        boolean emulator = blob.getPath() != null && blob.getPath().replace("/", "").equals(account)
                && ("127.0.0.1".equals(blob.getHost()) || "localhost".equalsIgnoreCase(blob.getHost()));
        return new AzureBlobProperties(account, blob, key, sas, emulator);
    }

    /** The account of an endpoint: the first host label on Azure, the first path segment on emulators. */
    private static String accountFromEndpoint(URI endpoint) {
        String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("^/+", "");
        if (!path.isEmpty()) {
            int slash = path.indexOf('/');
            return slash < 0 ? path : path.substring(0, slash);
        }
        String host = endpoint.getHost();
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    private static URI parseUri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + value, e);
        }
    }

    private static String stripTrailingSlashes(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static Optional<String> first(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static boolean flag(Map<String, String> environment, String name) {
        return first(environment, name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "on" -> true;
            case "0", "false", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        }).orElse(false);
    }
}
