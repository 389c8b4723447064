package org.paraterm;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Tbx;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MiningSettings;
import org.paraterm.parallel.BundledParallel;
import org.paraterm.parallel.ParallelLoader;
import org.paraterm.security.Role;
import org.paraterm.security.UserStore;

/**
 * A real paraterm server for a test class: its own database for the test's folder (H2, or a fresh
 * PostgreSQL database: {@link TestDatabase}), a free port,
 * quick password hashing, and as much of the product as the test asks for — the bundled corpus,
 * mined, in the concordance index, the parallel development set, the starter glossary, accounts —
 * loaded the way serve and ingest load them.
 */
public final class TestServer {

    private record Account(String name, String password, Role role) {
    }

    private final Map<String, Object> properties;
    private boolean corpus;
    private boolean mined;
    private boolean indexed;
    private boolean starterGlossary;
    private boolean parallelCorpus;
    private final List<Account> accounts = new ArrayList<>();

    private TestServer(Path folder) {
        properties = new HashMap<>(TestDatabase.properties(folder));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.security.hash-iterations", 1000);
    }

    public static TestServer in(Path folder) {
        return new TestServer(folder);
    }

    /** The five bundled documents, mined and in the concordance index. */
    public TestServer withMinedCorpus() {
        corpus = true;
        mined = true;
        indexed = true;
        return this;
    }

    /** The five bundled documents, neither mined nor indexed. */
    public TestServer withCorpus() {
        corpus = true;
        return this;
    }

    /** The UN Parallel Corpus development set (4,000 units) in the parallel store, as serve loads it. */
    public TestServer withParallelCorpus() {
        parallelCorpus = true;
        return this;
    }

    /** glossary/starter.tbx: 45 approved, published entries. */
    public TestServer withStarterGlossary() {
        starterGlossary = true;
        return this;
    }

    public TestServer withAccount(String name, String password, Role role) {
        accounts.add(new Account(name, password, role));
        return this;
    }

    public TestServer with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public EmbeddedServer start() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        ApplicationContext context = server.getApplicationContext();
        if (corpus) {
            context.getBean(CorpusLoader.class).load(Path.of("glossary", "corpus", "un-zh"), (done, total, result) -> { });
        }
        if (parallelCorpus) {
            ParallelLoader.SourceResult result = context.getBean(ParallelLoader.class).loadLinePair(BundledParallel.SOURCE,
                    Path.of("glossary", "corpus", "parallel", "unpc-dev", BundledParallel.CHINESE_FILE));
            if (result.refused()) {
                throw new IllegalStateException(result.describe());
            }
        }
        if (mined) {
            context.getBean(CorpusMining.class).remine(MiningSettings.defaults());
        }
        if (indexed) {
            context.getBean(ConcordanceIndex.class).synchronize();
        }
        if (starterGlossary) {
            try (InputStream in = Files.newInputStream(Path.of("glossary", "starter.tbx"))) {
                context.getBean(GlossaryStore.class).createAll(Tbx.read(in, "starter.tbx", EntryStatus.APPROVED, true),
                        "starter", "starter glossary");
            }
        }
        for (Account account : accounts) {
            context.getBean(UserStore.class).create(account.name(), account.password(), account.role(), false);
        }
        return server;
    }
}
