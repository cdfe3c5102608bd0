package org.crisisdesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSessionTest {

    @TempDir
    Path dir;

    private String session(Engine engine, String input) throws Exception {
        StringWriter out = new StringWriter();
        new ConsoleSession(engine, new BufferedReader(new StringReader(input)), new PrintWriter(out)).run();
        return out.toString();
    }

    @Test
    void plainTextIsAQuestionAndAskIsTheSame() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            String plain = session(engine, "which resolution ended minusma's mandate?\n");
            String asked = session(engine, "/ask question:which resolution ended minusma's mandate?\n");
            assertTrue(plain.contains("Resolution 2690"), plain);
            assertTrue(plain.contains("[1] Security Council Terminates Mandate"), plain);
            assertEquals(plain, asked);
        }
    }

    @Test
    void timelineTakesDiscordStyleOptionsAndPages() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            String out = session(engine, "/timeline from:2013 to:2023 topic:MINUSMA\n/next\n/timeline from:soon\n");
            assertTrue(out.contains("2013-07-01  MINUSMA formally takes over"), out);
            assertTrue(out.contains("1–2 of 2 events"), out);
            assertTrue(out.contains("Already at the last page."), out);
            assertTrue(out.contains("'from' must be a date such as 2021, March 2021"), out);
        }
    }

    @Test
    void timelineDatesAreReadAsPeopleWriteThem() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            String out = session(engine, "/timeline from:August 2020 to:août 2020\n");
            assertTrue(out.contains("2020-08-18  Soldiers detain President Keïta"), out);
            assertTrue(out.contains("1–2 of 2 events"), out);
        }
    }

    @Test
    void langSwitchesTheConsolesWordsAndAnswersAndAFollowUpIsReadInContext() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            String out = session(engine, "/lang fr\n/timeline from:mars 2030\n/timeline from:2020-08 to:2020-08\n"
                    + "/next\nwhen did it start?\nwhat is minusma?\nwhen did it start?\n/lang de\n/help\n");
            assertTrue(out.contains("Langue : français."), out);
            assertTrue(out.contains("Aucun événement daté ne correspond."), out);
            assertTrue(out.contains("événements 1 à 2 sur 2"), out);
            assertTrue(out.contains("Déjà à la dernière page."), out);
            assertTrue(out.contains("when did it start? (MINUSMA deploys)"), "read in context: " + out);
            assertTrue(out.contains("1 July 2013") || out.contains("1er juillet 2013"), out);
            assertTrue(out.contains("/lang prend fr ou en."), out);
            assertTrue(out.contains("/lang fr|en"), out);
        }
    }

    @Test
    void helpSourcesUnknownCommandsAndQuit() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            String out = session(engine, "/help\n/sources\n/frobnicate\n/quit\nnever read\n");
            assertTrue(out.contains("/reindex"), out);
            assertTrue(out.contains("un-press-sc15341: Security Council Terminates Mandate"), out);
            assertTrue(out.contains("Unknown command /frobnicate"), out);
            assertTrue(!out.contains("never read"), out);
        }
    }

    @Test
    void reindexReportsCountsOrTheProblemsWhileTheOldIndexServes() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            String ok = session(engine, "/reindex\n");
            assertTrue(ok.contains("generation gen-000002"), ok);
            Files.writeString(engine.config().knowledge().resolve("oops.yaml"), "passages:\n  - id: Oops\n");
            String failed = session(engine, "/reindex\nwhich resolution ended minusma's mandate?\n");
            assertTrue(failed.contains("oops.yaml:2:9"), failed);
            assertTrue(failed.contains("Resolution 2690"), "still answering: " + failed);
        }
    }

    @Test
    void picksUpAGenerationPublishedByAnotherProcess() throws Exception {
        try (Engine engine = Fixtures.engine(dir)) {
            Files.writeString(engine.config().knowledge().resolve("events/new.yaml"), """
                    events:
                      - id: 2024-01-28-ecowas-exit
                        date: 2024-01-28
                        en: Mali, Burkina Faso and Niger announce that they are leaving ECOWAS.
                        fr: Le Mali, le Burkina Faso et le Niger annoncent qu'ils quittent la CEDEAO.
                        sources: [un-press-sc15341]
                    """);
            Engine.rebuild(engine.config(), org.crisisdesk.index.ProgressListener.NONE);
            String out = session(engine, "/timeline from:2024\n");
            assertTrue(out.contains("2024-01-28  Mali, Burkina Faso and Niger"), out);
        }
    }

    @Test
    void optionsParseLikeDiscord() {
        assertEquals(Map.of("from", "2020", "topic", "2020 coup"), ConsoleSession.options("from:2020 topic:2020 coup"));
        assertEquals(Map.of("topic", "a:b"), ConsoleSession.options("topic:a:b"));
    }
}
