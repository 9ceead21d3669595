package dev.omnigraph.adapters.storage.objectstore.azure;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The Azurite blob service the Azure tests run against. It is a Node.js program, so it cannot run inside
 * the test JVM: {@code scripts/azurite.sh start} installs and starts it on loopback with an ephemeral port
 * and prints {@code AZURITE_BLOB_STORAGE_URL}, which {@code scripts/test.sh} exports for Maven. When no
 * Azurite answers, the Azure tests are skipped with a message saying how to start it, except on CI
 * ({@code CI=true}), where a skipped backend would pass the build without testing it, so they fail.
 */
public final class Azurite {

    /** The environment variable with Azurite's blob URL, e.g. {@code http://127.0.0.1:43125}. */
    public static final String URL_VARIABLE = "AZURITE_BLOB_STORAGE_URL";
    /** A system property that overrides {@link #URL_VARIABLE}. */
    public static final String URL_PROPERTY = "omnigraph.azurite.url";

    private Azurite() {}

    /** The blob URL of the running Azurite; skips the calling test (fails it on CI) when there is none. */
    public static String blobUrlOrSkip() {
        String url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        String problem = null;
        if (url == null || url.isBlank()) {
            problem = "no Azurite endpoint is configured (" + URL_VARIABLE + " or -D" + URL_PROPERTY + ")";
        } else if (!answers(url)) {
            problem = "Azurite does not answer at " + url;
        }
        if (problem != null) {
            String message = problem + "; start it with: eval \"$(scripts/azurite.sh start)\" (or run scripts/test.sh)";
            if ("true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT))) {
                fail(message + ". CI=true: the Azure Blob tests must run on CI.");
            }
            Assumptions.abort("Azure Blob tests skipped: " + message);
        }
        return url;
    }

    /** The environment variables a process would be given to reach this Azurite. */
    public static Map<String, String> environment(String blobUrl) {
        return Map.of("AZURE_STORAGE_USE_EMULATOR", "true", URL_VARIABLE, blobUrl);
    }

    /** A fresh, unique container name. */
    public static String newContainerName() {
        return "og-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** Creates a container through the real Blob API. */
    public static String newContainer(AzureBlobObjectStores stores) {
        String container = newContainerName();
        stores.service().createBlobContainer(container);
        return container;
    }

    /** Creates a container with a fresh, unique name through the real Blob API of the Azurite at {@code blobUrl}. */
    public static String newContainer(String blobUrl) {
        return newContainer(AzureBlobObjectStores.connect(AzureBlobProperties.fromEnvironment(environment(blobUrl))));
    }

    private static boolean answers(String url) {
        try (Socket socket = new Socket()) {
            URI uri = URI.create(url);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 2000);
            return true;
        } catch (IOException | IllegalArgumentException unreachable) {
            return false;
        }
    }
}
