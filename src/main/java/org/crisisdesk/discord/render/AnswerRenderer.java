package org.crisisdesk.discord.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.i18n.Texts;

/**
 * An answer as an embed a reader takes in at a glance: a short title naming the subject, the answering sentence
 * with the answer itself (the name, the date, the number) in bold, then only what it needs (a dispute, an as-of
 * date, a word when the match is partial); at most {@link #SOURCE_LINES} sources, one line each, and the rest
 * behind a Sources button. "More" adds the next snippet that says something new. An abstention says so plainly
 * and offers, as buttons, only questions that have an answer.
 */
public final class AnswerRenderer {

    /** Source lines under an answer; the rest are one press away. */
    public static final int SOURCE_LINES = 3;

    /** A later snippet sharing this much of its words with one already shown adds nothing new. */
    private static final double REPEAT = 0.6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

    /**
     * How one message shows an answer.
     *
     * @param key       the answer's key in the bot's store, which its buttons carry
     * @param shown     how many of its distinct snippets the message shows
     * @param owner     the user the message was made for: only they page it in place
     * @param baseAsOf  the knowledge base's as-of date, for the footer
     */
    public record Shown(String key, int shown, long owner, boolean ephemeral, Optional<PartialDate> baseAsOf) {
    }

    /** The snippets that each say something the earlier ones did not, in order. */
    public static List<Snippet> distinct(List<Snippet> snippets) {
        List<Snippet> kept = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        for (Snippet snippet : snippets) {
            Set<String> words = words(snippet.text());
            boolean repeat = seen.stream().anyMatch(earlier -> overlap(words, earlier) >= REPEAT);
            if (!repeat) {
                kept.add(snippet);
                seen.add(words);
            }
        }
        return kept;
    }

    public ReplyView answer(Answer answer, Shown shown) {
        Texts texts = Texts.of(answer.language());
        List<Snippet> all = distinct(answer.snippets());
        if (!answer.answered() || all.isEmpty()) {
            return abstention(answer, shown, Optional.empty(), List.of());
        }
        int visible = Math.max(1, Math.min(shown.shown(), all.size()));
        List<Snippet> snippets = all.subList(0, visible);

        StringBuilder top = new StringBuilder();
        // A guessed spelling or a question filled in from the conversation is said first, so a reader can tell
        // at once whether it was read right.
        answer.didYouMean().ifPresentOrElse(
                read -> top.append('*').append(texts.get("answer.didYouMean", Markdown.escape(read))).append("*\n"),
                () -> answer.reading().ifPresent(read -> top.append('*')
                        .append(texts.get("answer.readAs", Markdown.escape(read))).append("*\n")));
        if (answer.partial()) {
            top.append('*').append(texts.get("answer.partial")).append("*\n");
        }
        StringBuilder body = new StringBuilder();
        for (Snippet snippet : snippets) {
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(snippet(snippet, texts));
        }
        answer.asOf().filter(date -> !saysWhen(body.toString(), date, texts))
                .ifPresent(date -> body.append("\n*").append(texts.get("answer.asOf", texts.date(date))).append('*'));
        String description = top.length() == 0 ? body.toString() : top + "\n" + body;

        Set<Integer> cited = new LinkedHashSet<>();
        snippets.forEach(s -> {
            cited.addAll(s.citations());
            s.items().forEach(item -> cited.addAll(item.citations()));
        });
        List<String> lines = new ArrayList<>();
        for (Citation citation : answer.citations()) {
            if (cited.contains(citation.n()) && lines.size() < SOURCE_LINES) {
                lines.add(sourceLine(citation));
            }
        }
        int hidden = answer.citations().size() - lines.size();
        if (hidden > 0) {
            lines.add("*" + texts.get("answer.moreSources", hidden) + "*");
        }
        List<EmbedView.Field> fields = lines.isEmpty() ? List.of()
                : List.of(new EmbedView.Field(texts.get("answer.sources"), String.join("\n", lines), false));
        EmbedView embed = new EmbedView(title(answer, texts), Optional.empty(), description, fields,
                footer(shown.baseAsOf(), texts), EmbedView.BLUE);

        List<ButtonView> buttons = new ArrayList<>();
        if (visible < all.size()) {
            buttons.add(new ButtonView(new ComponentIds.More(shown.key(), visible + 1, shown.owner()).id(),
                    texts.get("button.more"), ButtonView.Style.PRIMARY, false));
        }
        if (hidden > 0) {
            buttons.add(new ButtonView(ComponentIds.answerSources(shown.key()), texts.get("button.sources"),
                    ButtonView.Style.SECONDARY, false));
        }
        buttons.add(new ButtonView(new ComponentIds.Vote(shown.key(), true).id(), "👍", ButtonView.Style.SECONDARY,
                false));
        buttons.add(new ButtonView(new ComponentIds.Vote(shown.key(), false).id(), "👎", ButtonView.Style.SECONDARY,
                false));
        return ReplyView.of(embed, buttons, shown.ephemeral());
    }

    /** Whether the text already dates itself to the as-of date's month ("As of February 2026 …"). */
    private static boolean saysWhen(String text, PartialDate date, Texts texts) {
        PartialDate month = date.precision() == PartialDate.Precision.YEAR ? date
                : new PartialDate(date.year(), date.month(), 0, PartialDate.Precision.MONTH);
        return text.contains(texts.date(month));
    }

    /** How many distinct snippets there are to show in all. */
    public static int distinctCount(Answer answer) {
        return distinct(answer.snippets()).size();
    }

    /**
     * An abstention: the engine's reason, then what can be asked instead. {@code didYouMean} and
     * {@code suggestions} must already be known to have answers; they become buttons, in that order.
     */
    public ReplyView abstention(Answer answer, Shown shown, Optional<String> didYouMean, List<String> suggestions) {
        Texts texts = Texts.of(answer.language());
        StringBuilder text = new StringBuilder(Markdown.escape(
                answer.message().orElse(texts.get("abstention.fallback"))));
        didYouMean.ifPresent(read -> text.append("\n\n").append(texts.get("abstention.didYouMean",
                Markdown.escape(read))));
        if (!suggestions.isEmpty()) {
            text.append("\n\n").append(texts.get("abstention.try"));
        } else if (didYouMean.isEmpty()) {
            text.append("\n\n").append(texts.get("abstention.rephrase"));
        }
        List<ButtonView> buttons = new ArrayList<>();
        int index = 0;
        if (didYouMean.isPresent()) {
            buttons.add(new ButtonView(new ComponentIds.Alternative(shown.key(), index++, shown.owner()).id(),
                    texts.get("button.didYouMean", didYouMean.get()), ButtonView.Style.PRIMARY, false));
        }
        for (String suggestion : suggestions) {
            buttons.add(new ButtonView(new ComponentIds.Alternative(shown.key(), index++, shown.owner()).id(),
                    suggestion, ButtonView.Style.SECONDARY, false));
        }
        EmbedView embed = new EmbedView(texts.get("abstention.title"), Optional.empty(), text.toString(), List.of(),
                footer(shown.baseAsOf(), texts), EmbedView.GREY);
        return ReplyView.of(embed, buttons, shown.ephemeral());
    }

    /** Every source of an answer, one line each with its title, for the one who pressed Sources. */
    public ReplyView sources(Answer answer) {
        Texts texts = Texts.of(answer.language());
        List<String> lines = new ArrayList<>();
        for (Citation citation : answer.citations()) {
            lines.add(sourceLine(citation) + " — " + Markdown.escape(Markdown.cut(citation.title(), 120)));
        }
        EmbedView embed = new EmbedView(texts.get("sources.ofAnswer"), Optional.empty(), String.join("\n", lines),
                List.of(), "", EmbedView.BLUE);
        return ReplyView.of(embed, List.of(), true);
    }

    /**
     * The buttons of an answer after a vote: both votes disabled, the one chosen marked ("Thanks", or "Not kept"
     * when a private question's vote was not recorded); the rest as they were.
     */
    public static List<ButtonView> afterVote(List<ButtonView> buttons, boolean up, boolean kept, Texts texts) {
        List<ButtonView> out = new ArrayList<>();
        for (ButtonView button : buttons) {
            Optional<ComponentIds.Vote> vote = ComponentIds.Vote.parse(button.customId());
            if (vote.isEmpty()) {
                out.add(button);
            } else if (vote.get().up() == up) {
                String label = (up ? "👍 " : "👎 ") + texts.get(kept ? "button.thanks" : "button.notKept");
                out.add(new ButtonView(button.customId(), label,
                        kept ? ButtonView.Style.SUCCESS : ButtonView.Style.SECONDARY, true));
            } else {
                out.add(new ButtonView(button.customId(), button.label(), ButtonView.Style.SECONDARY, true));
            }
        }
        return out;
    }

    /** {@code [1] [Publisher, 2013-01-11](url)}: one short line, the link masked. */
    public static String sourceLine(Citation citation) {
        String label = Markdown.escape(citation.publisher().replace('[', '(').replace(']', ')'))
                + (citation.date().isEmpty() ? "" : ", " + citation.date());
        return "[" + citation.n() + "] [" + label + "](" + safeUrl(citation.url()) + ")";
    }

    /** A URL that cannot end a markdown link early: parentheses and spaces percent-encoded. */
    static String safeUrl(String url) {
        return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    static String footer(Optional<PartialDate> baseAsOf, Texts texts) {
        return baseAsOf.map(date -> texts.get("answer.footer", texts.date(date)))
                .orElseGet(() -> texts.get("answer.footerNoDate"));
    }

    private static String title(Answer answer, Texts texts) {
        String subject = answer.subject()
                .or(() -> answer.snippets().isEmpty() ? Optional.empty() : answer.snippets().get(0).title())
                .map(String::strip).filter(s -> !s.isEmpty())
                .orElse(texts.get("answer.title"));
        return Markdown.escape(Markdown.cut(subject, 120));
    }

    /** One snippet: an event's date first, the answer in bold, its markers; a dispute on its own line. */
    private static String snippet(Snippet snippet, Texts texts) {
        StringBuilder out = new StringBuilder();
        snippet.date().filter(d -> snippet.kind() == Snippet.Kind.EVENT)
                .ifPresent(date -> out.append("**").append(texts.shortDate(date)).append("** — "));
        out.append(bolded(snippet.text(), snippet.answer())).append(markers(snippet));
        int items = 0;
        for (Snippet item : snippet.items()) {
            if (items++ == 10) {
                break;
            }
            out.append("\n• ");
            item.date().ifPresent(date -> out.append("**").append(texts.shortDate(date)).append("** — "));
            out.append(Markdown.escape(item.text())).append(markers(item));
        }
        snippet.note().ifPresent(note -> out.append("\n⚖ *").append(texts.get("answer.disputed")).append("* ")
                .append(Markdown.escape(note)));
        return out.toString();
    }

    private static String markers(Snippet snippet) {
        StringBuilder out = new StringBuilder();
        for (int n : snippet.citations()) {
            out.append(" [").append(n).append(']');
        }
        return out.toString();
    }

    /** The text escaped, with the answer's ranges in bold (overlapping or out-of-range ones skipped). */
    static String bolded(String text, List<Snippet.Highlight> ranges) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Snippet.Highlight h : ranges.stream().sorted(java.util.Comparator.comparingInt(Snippet.Highlight::start))
                .toList()) {
            if (h.start() < at || h.end() > text.length() || h.start() >= h.end()) {
                continue;
            }
            out.append(Markdown.escape(text.substring(at, h.start())));
            out.append("**").append(Markdown.escape(text.substring(h.start(), h.end()))).append("**");
            at = h.end();
        }
        return out.append(Markdown.escape(text.substring(at))).toString();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static double overlap(Set<String> words, Set<String> earlier) {
        if (words.isEmpty()) {
            return 1;
        }
        long shared = words.stream().filter(earlier::contains).count();
        return (double) shared / words.size();
    }
}
