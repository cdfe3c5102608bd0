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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.AskContext;
import org.crisisdesk.answer.AskRequest;
import org.crisisdesk.timeline.DateInput;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
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
 * {@code /prev} stand in for the bot's paging buttons. {@code /lang fr|en} sets the console's language (a question
 * in the other is still answered in its own); a question that follows on is read with the previous answer, for
 * {@link #CONVERSATION}, as a reply to an answer is on Discord.
 */
public final class ConsoleSession {

    public static final int PAGE_SIZE = 10;
    /** How long the previous answer is the context of the next question. */
    static final Duration CONVERSATION = Duration.ofMinutes(30);
    private static final String PROMPT = "crisisdesk> ";
    private static final Pattern OPTION = Pattern.compile("(\\w+):");

    private final Engine engine;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Clock clock;
    private Language language = Language.EN;
    private Texts texts = Texts.of(TextRenderer.BUNDLE, language);
    private TextRenderer renderer = new TextRenderer(language);
    private Pager pager;
    private Optional<AskContext> context = Optional.empty();
    private Instant answeredAt = Instant.MIN;
    /** Whether /lang chose the language; until then a question's own language decides alone. */
    private boolean languageChosen;

    public ConsoleSession(Engine engine, BufferedReader in, PrintWriter out) {
        this(engine, in, out, Clock.systemUTC());
    }

    ConsoleSession(Engine engine, BufferedReader in, PrintWriter out, Clock clock) {
        this.engine = engine;
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    /** Reads commands until {@code /quit} or the end of input. */
    public void run() throws IOException {
        out.println(texts.get("welcome"));
        out.println(texts.get("welcome.hint"));
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
            case "/lang" -> language(rest);
            case "/help" -> help();
            case "/quit", "/exit" -> {
                return false;
            }
            default -> out.println(texts.get("unknown", command));
        }
        return true;
    }

    /** A reindex run from another terminal is served from the next command on, without a restart. */
    private void pickUpNewGeneration() {
        try {
            engine.refresh();
        } catch (IOException e) {
            out.println(texts.get("refresh.failed", String.valueOf(e.getMessage())));
        }
    }

    private void ask(String question) {
        Optional<AskContext> recent = answeredAt.plus(CONVERSATION).isAfter(clock.instant()) ? context
                : Optional.empty();
        Answer answer = engine.ask(new AskRequest(question, recent,
                languageChosen ? Optional.of(language) : Optional.empty()));
        context = Optional.of(AskContext.after(answer));
        answeredAt = clock.instant();
        out.print(renderer.answer(answer));
    }

    private void language(String code) {
        Optional<Language> chosen = Language.parse(code).filter(l -> code.strip().length() == 2);
        if (chosen.isEmpty()) {
            out.println(texts.get("lang.usage"));
            return;
        }
        language = chosen.get();
        languageChosen = true;
        texts = Texts.of(TextRenderer.BUNDLE, language);
        renderer = new TextRenderer(language);
        out.println(texts.get("lang.set"));
    }

    private void timeline(String rest) {
        Map<String, String> options = options(rest);
        for (String name : options.keySet()) {
            if (!List.of("from", "to", "topic").contains(name)) {
                out.println(texts.get("timeline.usage", name.isEmpty() ? "" : texts.get("timeline.usage.not", name)));
                return;
            }
        }
        Optional<String> from = date("from", options.get("from"));
        Optional<String> to = date("to", options.get("to"));
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        try {
            TimelineQuery query = Timeline.query(from.get(), to.get(), options.get("topic"), 0, PAGE_SIZE);
            pager = new TimelinePager(query);
            out.print(pager.show(0));
        } catch (InvalidTimelineQueryException e) {
            out.println(texts.get("timeline.fromAfterTo", PartialDate.parse(from.get()).map(texts::date).orElse(""),
                    PartialDate.parse(to.get()).map(texts::date).orElse("")));
        }
    }

    /** A timeline date as typed ("March 2021", "mars 2021", "2021-03") in ISO form; "" when not given. */
    private Optional<String> date(String name, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of("");
        }
        Optional<String> iso = DateInput.iso(typed);
        if (iso.isEmpty()) {
            out.println(texts.get("timeline.badDate", name, typed.strip()));
        }
        return iso;
    }

    private void sources() {
        pager = new SourcesPager();
        out.print(pager.show(0));
    }

    private void page(int direction) {
        if (pager == null) {
            out.println(texts.get("nothing.to.page"));
            return;
        }
        out.print(pager.turn(direction));
    }

    private void reindex() {
        out.println(texts.get("reindexing"));
        out.flush();
        try {
            ReindexReport report = engine.reindex(ProgressListener.NONE);
            out.println(texts.get("reindex.done", Long.toString(report.elapsed().toMillis()), report.generation(),
                    report.summary()));
        } catch (InvalidKnowledgeException e) {
            out.println(texts.get("reindex.problems"));
            for (Problem problem : e.problems()) {
                out.println("  " + problem);
            }
        } catch (ReindexInProgressException e) {
            out.println(texts.get("reindex.running"));
        } catch (IOException e) {
            out.println(texts.get("reindex.failed", String.valueOf(e.getMessage())));
        }
    }

    private void help() {
        out.println(texts.get("help"));
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
                return firstPage();
            }
            if (next >= total()) {
                return lastPage();
            }
            return show(next);
        }

        abstract String render(int offset);

        abstract String firstPage();

        abstract String lastPage();

        abstract int total();
    }

    /** A pager that speaks the console's language. */
    private abstract class ConsolePager extends Pager {
        @Override
        String firstPage() {
            return texts.get("first.page") + "\n";
        }

        @Override
        String lastPage() {
            return texts.get("last.page") + "\n";
        }
    }

    private final class TimelinePager extends ConsolePager {
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

    private final class SourcesPager extends ConsolePager {
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
