package org.crisisdesk.index;

import java.nio.file.Path;
import java.time.Clock;
import java.util.AbstractList;
import java.util.List;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.knowledge.Passage;

/**
 * Run in a child process by {@link CrashSafetyTest}: starts a reindex that stops half-way through writing passages,
 * says so on standard output, and waits there to be killed.
 */
public final class StuckReindexMain {

    private StuckReindexMain() {
    }

    public static void main(String[] args) throws Exception {
        Path knowledge = Path.of(args[0]);
        IndexStore store = new IndexStore(Path.of(args[1]));
        KnowledgeBase real = new KnowledgeLoader().load(knowledge);
        List<Passage> stuck = new AbstractList<>() {
            @Override
            public Passage get(int index) {
                if (index == size() - 1) {
                    System.out.println("MIDWAY");
                    System.out.flush();
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return real.passages().get(index);
                        }
                    }
                }
                return real.passages().get(index);
            }

            @Override
            public int size() {
                return real.passages().size();
            }
        };
        KnowledgeBase kb = new KnowledgeBase(real.sources(), stuck, real.events(), real.aliases(), real.base(),
                java.util.List.of(), "stuck");
        new Reindexer(() -> kb, store, Clock.systemUTC()).reindex(java.util.Optional.empty(), ProgressListener.NONE);
    }
}
