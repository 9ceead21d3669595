package dev.omnigraph.adapters.grpc.service;

import com.google.protobuf.ByteString;
import dev.omnigraph.adapters.grpc.v1.ExportChunk;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import java.nio.charset.StandardCharsets;

/**
 * Packs export records into {@link ExportChunk}s of about {@value #CHUNK_BYTES} bytes (whole lines, each
 * ending in a newline) and sends them through an {@link OutboundStream}. At most one chunk is held here, and
 * the stream blocks while the client lags, so an export of any size runs in bounded memory. Every record
 * first checks that the call is still open, so a cancelled export stops at the next record it reads.
 */
final class ExportChunks implements ExportGraphUseCase.LineSink {

    static final int CHUNK_BYTES = 32 * 1024;

    private final OutboundStream<ExportChunk> stream;
    private final ByteString.Output buffer = ByteString.newOutput(CHUNK_BYTES * 2);

    ExportChunks(OutboundStream<ExportChunk> stream) {
        this.stream = stream;
    }

    @Override
    public void accept(String line) {
        stream.ensureOpen();
        byte[] record = line.getBytes(StandardCharsets.UTF_8);
        buffer.write(record, 0, record.length);
        buffer.write('\n');
        if (buffer.size() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** Sends what is held (nothing when empty). */
    void flush() {
        if (buffer.size() > 0) {
            ByteString chunk = buffer.toByteString();
            buffer.reset();
            stream.send(ExportChunk.newBuilder().setNdjson(chunk).build());
        }
    }
}
