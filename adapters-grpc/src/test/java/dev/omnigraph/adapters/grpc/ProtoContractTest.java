package dev.omnigraph.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.omnigraph.adapters.grpc.v1.GraphServiceProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The proto evolves compatibly: every RPC, field (number, type, cardinality) and enum value recorded in
 * {@code omnigraph-v1-contract.txt} still exists exactly as recorded, or its number and name are reserved.
 * New elements must be added to the record, which makes every change of the contract a reviewed line in
 * that file. On failure the current contract is written to {@code target/omnigraph-v1-contract.txt}.
 */
class ProtoContractTest {

    private static final String RECORD = "/omnigraph-v1-contract.txt";

    @Test
    void theContractOnlyGrows() throws IOException {
        Set<String> current = contract(GraphServiceProto.getDescriptor());
        Set<String> recorded = recorded();
        List<String> problems = new ArrayList<>();
        for (String line : recorded) {
            if (!current.contains(line) && !reserved(line)) {
                problems.add("changed or removed without reserving its number and name: " + line);
            }
        }
        for (String line : current) {
            if (!recorded.contains(line)) {
                problems.add("not in " + RECORD + " yet (add it once reviewed): " + line);
            }
        }
        if (!problems.isEmpty()) {
            Path written = Path.of("target", RECORD.substring(1));
            Files.createDirectories(written.getParent());
            Files.write(written, current, StandardCharsets.UTF_8);
            assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n(current contract written to " + written + ")");
        }
    }

    /** A recorded field whose number and name its message now reserves was removed the compatible way. */
    private static boolean reserved(String line) {
        String[] parts = line.split(" ");
        if (!parts[0].equals("field")) {
            return false;
        }
        String messageName = parts[1].substring(0, parts[1].lastIndexOf('.'));
        String fieldName = parts[1].substring(parts[1].lastIndexOf('.') + 1);
        int number = Integer.parseInt(parts[2].substring(1));
        Descriptor message = GraphServiceProto.getDescriptor().getFile().findMessageTypeByName(messageName);
        return message != null && message.isReservedNumber(number) && message.isReservedName(fieldName);
    }

    private static Set<String> recorded() throws IOException {
        try (InputStream in = ProtoContractTest.class.getResourceAsStream(RECORD)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> lines = new LinkedHashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        }
    }

    /** One line per RPC, field and enum value, in declaration order. */
    static Set<String> contract(FileDescriptor file) {
        Set<String> lines = new LinkedHashSet<>();
        for (ServiceDescriptor service : file.getServices()) {
            for (MethodDescriptor method : service.getMethods()) {
                lines.add("rpc " + service.getName() + "." + method.getName() + " "
                        + (method.isClientStreaming() ? "stream " : "") + method.getInputType().getFullName() + " -> "
                        + (method.isServerStreaming() ? "stream " : "") + method.getOutputType().getFullName());
            }
        }
        for (Descriptor message : file.getMessageTypes()) {
            message(message, lines);
        }
        for (EnumDescriptor enumType : file.getEnumTypes()) {
            for (EnumValueDescriptor value : enumType.getValues()) {
                lines.add("enum " + enumType.getName() + "." + value.getName() + " =" + value.getNumber());
            }
        }
        return lines;
    }

    private static void message(Descriptor message, Set<String> lines) {
        for (FieldDescriptor field : message.getFields()) {
            String type = field.getType() == FieldDescriptor.Type.MESSAGE ? field.getMessageType().getFullName()
                    : field.getType() == FieldDescriptor.Type.ENUM ? field.getEnumType().getFullName()
                    : field.getType().name().toLowerCase(java.util.Locale.ROOT);
            String cardinality = field.isRepeated() ? "repeated" : field.getRealContainingOneof() != null
                    ? "oneof:" + field.getRealContainingOneof().getName() : field.hasPresence() ? "optional" : "singular";
            lines.add("field " + message.getName() + "." + field.getName() + " =" + field.getNumber() + " " + cardinality
                    + " " + type);
        }
        for (Descriptor nested : message.getNestedTypes()) {
            message(nested, lines);
        }
    }
}
