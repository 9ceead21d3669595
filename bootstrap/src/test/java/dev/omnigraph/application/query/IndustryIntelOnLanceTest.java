package dev.omnigraph.application.query;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SnapshotGraphReader;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The industry-intel corpus expectations of {@link IndustryIntelFixtureTest}, run on the real path: the
 * fixture schema initialised and its seed loaded through the engine into Lance tables on local disk, every
 * query read back through the published snapshot. The fake reader proves the executor; this proves the
 * stored data, the pushed-down filters as Lance evaluates them and the snapshot wiring give the same rows.
 */
class IndustryIntelOnLanceTest extends IndustryIntelFixtureTest {

    @TempDir
    Path temp;

    private TableStorage tables;

    @Override
    protected GraphReader readerOver(Path fixtureRoot, InMemoryGraphReader seedModel) throws IOException {
        tables = TableStorages.lance(LanceProperties.defaults());
        GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids());
        String uri = temp.resolve("intel").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(fixtureRoot.resolve("schema.pg")), Optional.empty()));
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(fixtureRoot.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
        return new SnapshotGraphReader(engine.open(uri, "main"), tables);
    }

    @AfterEach
    void closeStorage() {
        if (tables != null) {
            tables.close();
        }
    }
}
