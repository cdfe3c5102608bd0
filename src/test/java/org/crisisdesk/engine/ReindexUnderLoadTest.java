package org.crisisdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.testing.Fixtures;
import org.crisisdesk.timeline.TimelineQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Answers keep flowing, complete and from one generation, while the index is rebuilt under them. */
class ReindexUnderLoadTest {

    @Test
    @Timeout(60)
    void noQuestionFailsWhileTheIndexIsRebuiltAndSwapped(@TempDir Path dir) throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch warmedUp = new CountDownLatch(3);
            ExecutorService askers = Executors.newFixedThreadPool(3);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                running.add(askers.submit(() -> {
                    boolean counted = false;
                    while (!stop.get()) {
                        try {
                            Answer answer = engine.ask("which resolution ended minusma's mandate?");
                            int events = engine.timeline(TimelineQuery.all()).total();
                            if (!answer.answered() || answer.citations().isEmpty()) {
                                failures.add("unanswered: " + answer);
                            }
                            if (events != 4 && events != 5) {
                                failures.add("a timeline of " + events + " events");
                            }
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                        if (!counted) {
                            warmedUp.countDown();
                            counted = true;
                        }
                    }
                }));
            }
            assertTrue(warmedUp.await(30, TimeUnit.SECONDS));
            Path extra = engine.config().knowledge().resolve("events/extra.yaml");
            for (int round = 0; round < 6; round++) {
                if (round % 2 == 0) {
                    Files.writeString(extra, """
                            events:
                              - id: 2024-01-28-ecowas-exit
                                date: 2024-01-28
                                en: Mali, Burkina Faso and Niger announce that they are leaving ECOWAS.
                                fr: Le Mali, le Burkina Faso et le Niger annoncent qu'ils quittent la CEDEAO.
                                sources: [un-press-sc15341]
                            """);
                } else {
                    Files.deleteIfExists(extra);
                }
                engine.reindex(ProgressListener.NONE);
                Files.writeString(extra, "events: [");
                try {
                    engine.reindex(ProgressListener.NONE);
                    failures.add("an invalid knowledge base was published");
                } catch (InvalidKnowledgeException expected) {
                    // The serving generation must be untouched; the askers check that it keeps answering.
                }
                Files.deleteIfExists(extra);
            }
            stop.set(true);
            askers.shutdown();
            assertTrue(askers.awaitTermination(30, TimeUnit.SECONDS));
            for (Future<?> future : running) {
                future.get(1, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), List.copyOf(failures));
            assertTrue(answered.get() > 0);
        }
    }
}
