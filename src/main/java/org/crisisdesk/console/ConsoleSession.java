package org.crisisdesk.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.index.ReindexInProgressException;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.Problem;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.timeline.InvalidTimelineQueryException;
import org.crisisdesk.timeline.Timeline;
import org.crisisdesk.timeline.TimelinePage;
import org.crisisdesk.timeline.TimelineQuery;

/**
 * The local console: the Discord bot's commands ({@code /ask}, {@code /timeline}, {@code /sources},
 * {@code /reindex}, {@code /help}; plain text is a question) typed at a prompt, answered from the same engine.
 * Options are written as on Discord: {@code /timeline from:2020 to:2021-06 topic:ECOWAS}. {@code /next} and
 * {@code /prev} stand in for the bot's paging buttons.
 */
public final class ConsoleSession {

    public static final int PAGE_SIZE = 10;
    private static final String PROMPT = "crisisdesk> ";
    private static final Pattern OPTION = Pattern.compile("(\\w+):");

    private final Engine engine;
    private final BufferedReader in;
    private final PrintWriter out;
    private final TextRenderer renderer = new TextRenderer();
    private Pager pager;

    public ConsoleSession(Engine engine, BufferedReader in, PrintWriter out) {
        this.engine = engine;
        this.in = in;
        this.out = out;
    }

    /** Reads commands until {@code /quit} or the end of input. */
    public void run() throws IOException {
        out.println("crisisdesk: questions about the crisis in Mali, answered from a sourced knowledge base.");
        out.println("Type a question, or /help for the commands. /quit leaves.");
        while (true) {
            out.print(PROMPT);
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                out.flush();
                return;
            }
            if (!handle(line.strip())) {
                out.flush();
                return;
            }
            out.flush();
        }
    }

    /** Handles one line; false when the session should end. */
    boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        pickUpNewGeneration();
        if (!line.startsWith("/")) {
            ask(line);
            return true;
        }
        int space = line.indexOf(' ');
        String command = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (command) {
            case "/ask" -> ask(optionOrAll(rest, "question"));
            case "/timeline" -> timeline(rest);
            case "/sources" -> sources();
            case "/next" -> page(1);
            case "/prev", "/previous" -> page(-1);
            case "/reindex" -> reindex();
            case "/help" -> help();
            case "/quit", "/exit" -> {
                return false;
            }
            default -> out.println("Unknown command " + command + ". Type /help for the commands.");
        }
        return true;
    }

    /** A reindex run from another terminal is served from the next command on, without a restart. */
    private void pickUpNewGeneration() {
        try {
            engine.refresh();
        } catch (IOException e) {
            out.println("(The index another process published cannot be opened (" + e.getMessage()
                    + "); still answering from the current one.)");
        }
    }

    private void ask(String question) {
        out.print(renderer.answer(engine.ask(question)));
    }

    private void timeline(String rest) {
        Map<String, String> options = options(rest);
        for (String name : options.keySet()) {
            if (!List.of("from", "to", "topic").contains(name)) {
                out.println("/timeline takes from:, to: and topic: options, written like /timeline from:2020 to:2021"
                        + (name.isEmpty() ? "" : " (not " + name + ":)"));
                return;
            }
        }
        try {
            TimelineQuery query = Timeline.query(options.get("from"), options.get("to"), options.get("topic"), 0,
                    PAGE_SIZE);
            pager = new TimelinePager(query);
            out.print(pager.show(0));
        } catch (InvalidTimelineQueryException e) {
            out.println(e.getMessage());
        }
    }

    private void sources() {
        pager = new SourcesPager();
        out.print(pager.show(0));
    }

    private void page(int direction) {
        if (pager == null) {
            out.println("Nothing to page through yet: try /timeline or /sources.");
            return;
        }
        out.print(pager.turn(direction));
    }

    private void reindex() {
        out.println("Reindexing…");
        out.flush();
        try {
            ReindexReport report = engine.reindex(ProgressListener.NONE);
            out.println("Done in " + report.elapsed().toMillis() + " ms: generation " + report.generation() + ", "
                    + report.summary() + ".");
        } catch (InvalidKnowledgeException e) {
            out.println("The knowledge base has problems; the current index keeps serving:");
            for (Problem problem : e.problems()) {
                out.println("  " + problem);
            }
        } catch (ReindexInProgressException e) {
            out.println("A reindex is already running; try again when it is done.");
        } catch (IOException e) {
            out.println("Reindex failed (" + e.getMessage() + "); the current index keeps serving.");
        }
    }

    private void help() {
        out.println("""
                Ask anything about the crisis in Mali (2012 to today) by typing it, or use a command:
                  /ask <question>                              the best cited snippets, or "no sourced answer"
                  /timeline [from:DATE] [to:DATE] [topic:T]    dated events in order; DATE is 2020, 2020-08 or 2020-08-18
                  /sources                                     the sources the answers cite
                  /next, /prev                                 page through the last /timeline or /sources
                  /reindex                                     validate the knowledge base and rebuild the index
                  /help                                        this text
                  /quit                                        leave
                Every answer cites its sources; when nothing sourced matches, the bot says so.""");
    }

    private static String optionOrAll(String rest, String name) {
        String prefix = name + ":";
        return rest.startsWith(prefix) ? rest.substring(prefix.length()).strip() : rest;
    }

    /** Discord-style {@code name:value} options; a value runs up to the next {@code name:}. */
    static Map<String, String> options(String text) {
        Map<String, String> options = new HashMap<>();
        Matcher m = OPTION.matcher(text);
        String name = null;
        int valueStart = 0;
        while (m.find()) {
            if (m.start() > 0 && !Character.isWhitespace(text.charAt(m.start() - 1))) {
                continue;
            }
            if (name != null) {
                options.put(name, text.substring(valueStart, m.start()).strip());
            }
            name = m.group(1).toLowerCase(Locale.ROOT);
            valueStart = m.end();
        }
        if (name != null) {
            options.put(name, text.substring(valueStart).strip());
        } else if (!text.isBlank()) {
            options.put("", text.strip());
        }
        return options;
    }

    /** Remembers a listing so /next and /prev can move through it. */
    private abstract static class Pager {
        private int offset;

        String show(int newOffset) {
            offset = Math.max(0, newOffset);
            return render(offset);
        }

        String turn(int direction) {
            int next = offset + direction * PAGE_SIZE;
            if (next < 0) {
                return "Already at the first page.\n";
            }
            if (next >= total()) {
                return "Already at the last page.\n";
            }
            return show(next);
        }

        abstract String render(int offset);

        abstract int total();
    }

    private final class TimelinePager extends Pager {
        private final TimelineQuery query;
        private int total;

        TimelinePager(TimelineQuery query) {
            this.query = query;
        }

        @Override
        String render(int offset) {
            TimelinePage page = engine.timeline(query.page(offset, PAGE_SIZE));
            total = page.total();
            return renderer.timeline(page);
        }

        @Override
        int total() {
            return total;
        }
    }

    private final class SourcesPager extends Pager {
        private List<Source> all = List.of();

        @Override
        String render(int offset) {
            all = engine.sources();
            List<Source> page = all.subList(Math.min(offset, all.size()), Math.min(offset + PAGE_SIZE, all.size()));
            return renderer.sources(page, offset, all.size());
        }

        @Override
        int total() {
            return all.size();
        }
    }
}
