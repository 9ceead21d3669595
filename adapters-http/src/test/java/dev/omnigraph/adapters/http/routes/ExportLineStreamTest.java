package dev.omnigraph.adapters.http.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over between the export's producer and the response body, without a server. */
class ExportLineStreamTest {

    @Test
    void linesArriveInOrderWithNewlinesAndThenTheEnd() throws IOException {
        ExportLineStream stream = new ExportLineStream();
        stream.accept("{\"a\":1}");
        stream.accept("{\"b\":2}");
        stream.finish();
        stream.awaitFirstRecord();
        assertArrayEquals("{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8), stream.readAllBytes());
        assertEquals(-1, stream.read());
    }

    @Test
    void aFailureBeforeAnyRecordIsRethrownToTheRoute() {
        ExportLineStream stream = new ExportLineStream();
        stream.fail(new IllegalArgumentException("no such type"));
        assertEquals("no such type", assertThrows(IllegalArgumentException.class, stream::awaitFirstRecord).getMessage());
    }

    @Test
    void aFailureAfterRecordsKeepsThemAndThenBreaksTheRead() throws IOException {
        ExportLineStream stream = new ExportLineStream();
        stream.accept("{\"a\":1}");
        stream.fail(new IllegalStateException("storage went away"));
        stream.awaitFirstRecord();
        byte[] buffer = new byte[64];
        assertEquals(8, stream.read(buffer, 0, buffer.length));
        assertTrue(assertThrows(IOException.class, () -> stream.read(buffer, 0, buffer.length)).getMessage()
                .contains("storage went away"));
    }

    @Test
    void closingTheResponseStopsABlockedProducer() throws Exception {
        ExportLineStream stream = new ExportLineStream();
        CompletableFuture<Throwable> producer = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 10 * ExportLineStream.QUEUE_CAPACITY; i++) {
                    stream.accept("{}");
                }
                return null;
            } catch (RuntimeException stopped) {
                return stopped;
            }
        });
        stream.awaitFirstRecord();
        stream.close();
        assertTrue(producer.get(10, TimeUnit.SECONDS) instanceof ExportLineStream.ClientGoneException);
    }
}
