package org.crisisdesk.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.AnswerType;
import org.crisisdesk.answer.ConfidenceFeatures;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.index.IndexManifest;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.Origin;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Problem;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.knowledge.SourceKind;
import org.crisisdesk.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.timeline.DateInput;

/** Rendering into plain records, without a network: layout, languages, limits, escaping, buttons. */
class RenderersTest {

    private static final long ASKER = 42;
    private static final Optional<PartialDate> AS_OF = PartialDate.parse("2026-04-27");
    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts FR = Texts.of(Language.FR);

    private final AnswerRenderer answers = new AnswerRenderer();

    private static Citation citation(int n) {
        return new Citation(n, "source-" + n, "Title " + n, "Publisher " + n, "2023-06-30",
                "https://example.org/" + n);
    }

    private static Snippet snippet(String text, int... citations) {
        return new Snippet(text, Optional.empty(), IntStream.of(citations).boxed().toList(), "p" + citations[0],
                Snippet.Kind.PASSAGE, Optional.empty(), List.of());
    }

    private static Answer answer(List<Snippet> snippets, List<Citation> citations, Language language,
                                 Optional<String> subject, boolean partial) {
        return new Answer("who led it?", true, 0.8, snippets, citations, Optional.empty(), List.of(),
                Optional.empty(), AnswerType.PERSON, language, Optional.empty(), Optional.empty(),
                Answer.Outcome.ANSWERED, subject, partial, ConfidenceFeatures.NONE);
    }

    private static AnswerRenderer.Shown shown(int count) {
        return new AnswerRenderer.Shown("k1", count, ASKER, false, AS_OF);
    }

    static void assertWithinLimits(ReplyView view) {
        assertTrue(view.content().length() <= Limits.CONTENT);
        int total = 0;
        for (EmbedView embed : view.embeds()) {
            assertTrue(embed.title().length() <= Limits.EMBED_TITLE);
            assertTrue(embed.description().length() <= Limits.EMBED_DESCRIPTION);
            assertTrue(embed.fields().size() <= Limits.FIELDS);
            assertTrue(embed.footer().length() <= Limits.FOOTER);
            for (EmbedView.Field field : embed.fields()) {
                assertTrue(field.name().length() <= Limits.FIELD_NAME);
                assertTrue(field.value().length() <= Limits.FIELD_VALUE);
            }
            total += embed.length();
        }
        assertTrue(total <= Limits.EMBED_TOTAL, "total " + total);
        assertTrue(view.buttons().size() <= 5);
        view.buttons().forEach(b -> assertTrue(b.customId().length() <= Limits.CUSTOM_ID));
    }

    @Test
    void theAnswerComesFirstInBoldUnderItsSubjectWithShortSourceLines() {
        Snippet first = new Snippet("Colonel Assimi Goïta led the junta (a *military* council).", Optional.of("The coup"),
                List.of(1, 2), "p1", Snippet.Kind.PASSAGE, Optional.empty(), List.of(new Snippet.Highlight(27, 34)),
                List.of(new Snippet.Highlight(0, 20)), Optional.empty(), false, Optional.empty(), List.of());
        List<Citation> citations = List.of(citation(1), new Citation(2, "wiki", "Coup (2020)", "Wikipedia", "",
                "https://en.wikipedia.org/wiki/2020_Malian_coup_(d'état)"), citation(3), citation(4), citation(5));
        Answer answer = answer(List.of(first, snippet("Soldiers mutinied at Kati on 18 August.", 3, 4, 5)),
                citations, Language.EN, Optional.of("The 2020 coup"), false);
        ReplyView view = answers.answer(answer, shown(1));
        assertWithinLimits(view);
        EmbedView embed = view.embeds().get(0);
        assertEquals("The 2020 coup", embed.title());
        assertEquals("**Colonel Assimi Goïta** led the junta (a \\*military\\* council). [1] [2]",
                embed.description(), "the answer in bold, not the question's words");
        assertEquals("Sources", embed.fields().get(0).name());
        assertEquals("[1] [Publisher 1, 2023-06-30](https://example.org/1)\n"
                + "[2] [Wikipedia](https://en.wikipedia.org/wiki/2020_Malian_coup_%28d'état%29)\n"
                + "*3 more sources under **Sources***", embed.fields().get(0).value());
        assertEquals("Sources checked up to 27 April 2026", embed.footer());
        assertFalse(embed.footer().contains("%") || embed.description().contains("%"), "no percentage");
        assertEquals(List.of("ask:more:k1:2:42", "ask:src:k1", "ask:up:k1", "ask:down:k1"),
                view.buttons().stream().map(ButtonView::customId).toList());
        assertEquals(List.of("More", "Sources", "👍", "👎"), view.buttons().stream().map(ButtonView::label).toList());

        ReplyView more = answers.answer(answer, shown(2));
        assertTrue(more.embeds().get(0).description().endsWith("Soldiers mutinied at Kati on 18 August. [3] [4] [5]"));
        assertEquals(4, more.embeds().get(0).fields().get(0).value().split("\n").length, "still three lines");
        assertFalse(more.buttons().stream().anyMatch(b -> b.customId().startsWith("ask:more:")), "nothing more");
    }

    @Test
    void moreOffersOnlySnippetsThatSaySomethingNew() {
        Answer answer = answer(List.of(snippet("MINUSMA left Mali on 31 December 2023 after ten years.", 1),
                        snippet("MINUSMA left Mali on 31 December 2023, after ten years there.", 2),
                        snippet("The Security Council ended the mandate in June 2023.", 3)),
                List.of(citation(1), citation(2), citation(3)), Language.EN, Optional.empty(), false);
        assertEquals(2, AnswerRenderer.distinctCount(answer));
        ReplyView all = answers.answer(answer, shown(5));
        assertFalse(all.embeds().get(0).description().contains("there."), "the repeat is never shown");
        assertTrue(all.embeds().get(0).description().contains("Security Council"));
    }

    @Test
    void aPartialMatchSaysSoInWordsAndFrenchAnswersSpeakFrench() {
        Snippet snippet = new Snippet("Le coup d'État a eu lieu le 18 août 2020.", Optional.empty(), List.of(1),
                "p", Snippet.Kind.PASSAGE, Optional.empty(), List.of(), List.of(new Snippet.Highlight(28, 40)),
                Optional.of("La date est contestée."), false, Optional.empty(), List.of());
        ReplyView view = answers.answer(answer(List.of(snippet), List.of(citation(1)), Language.FR,
                Optional.empty(), true), shown(1));
        EmbedView embed = view.embeds().get(0);
        assertEquals("Réponse", embed.title());
        assertTrue(embed.description().startsWith("*Correspondance partielle"), embed.description());
        assertTrue(embed.description().contains("**18 août 2020**"), embed.description());
        assertTrue(embed.description().contains("\n⚖ *Contesté :* La date est contestée."), embed.description());
        assertEquals("Sources vérifiées jusqu’au 27 avril 2026", embed.footer());
        assertEquals(List.of("👍", "👎"), view.buttons().stream().map(ButtonView::label).toList());
    }

    @Test
    void anAsOfDateIsSaidOnceForAQuestionAboutThePresent() {
        Optional<PartialDate> asOf = PartialDate.parse("2026-02-14");
        for (String text : List.of("As of February 2026, General Assimi Goïta leads Mali.", "Goïta leads Mali.")) {
            Answer answer = new Answer("who leads mali?", true, 0.9, List.of(snippet(text, 1)), List.of(citation(1)),
                    Optional.empty(), List.of(), Optional.empty(), AnswerType.PERSON, Language.EN, asOf,
                    Optional.empty(), Answer.Outcome.ANSWERED, Optional.empty(), false, ConfidenceFeatures.NONE);
            String description = answers.answer(answer, shown(1)).embeds().get(0).description();
            assertEquals(text.startsWith("As of") ? 0 : 1, description.split("As of", -1).length - 1
                    - (text.startsWith("As of") ? 1 : 0), description);
            assertEquals(!text.startsWith("As of"), description.endsWith("\n*As of 14 February 2026*"), description);
        }
    }

    @Test
    void aVoteDisablesBothVoteButtonsAndThanks() {
        List<ButtonView> buttons = answers.answer(answer(List.of(snippet("Text.", 1)), List.of(citation(1)),
                Language.EN, Optional.empty(), false), shown(1)).buttons();
        List<ButtonView> after = AnswerRenderer.afterVote(buttons, false, true, EN);
        assertTrue(after.stream().allMatch(ButtonView::disabled));
        assertEquals("👎 Thanks", after.get(1).label());
        assertEquals(ButtonView.Style.SUCCESS, after.get(1).style());
        assertEquals("👍 Non conservé", AnswerRenderer.afterVote(buttons, true, false, FR).get(0).label());
    }

    @Test
    void anAbstentionOffersOnlyAnswerableQuestionsAsButtons() {
        Answer refused = new Answer("wat was barkahne", false, 0.1, List.of(), List.of(),
                Optional.of("I have no sourced answer to that."), List.of("MINUSMA"), Optional.empty());
        ReplyView view = answers.abstention(refused, shown(1), Optional.of("wat was Barkhane"),
                List.of("What was Operation Barkhane?", "The end of Barkhane"));
        assertWithinLimits(view);
        EmbedView embed = view.embeds().get(0);
        assertEquals("No sourced answer", embed.title());
        assertTrue(embed.description().contains("Did you mean **wat was Barkhane**?"), embed.description());
        assertEquals(List.of("Did you mean: wat was Barkhane", "What was Operation Barkhane?", "The end of Barkhane"),
                view.buttons().stream().map(ButtonView::label).toList());
        assertEquals(List.of("ask:alt:k1:0:42", "ask:alt:k1:1:42", "ask:alt:k1:2:42"),
                view.buttons().stream().map(ButtonView::customId).toList());
        ReplyView nothing = answers.abstention(refused, shown(1), Optional.empty(), List.of());
        assertTrue(nothing.buttons().isEmpty());
        assertTrue(nothing.embeds().get(0).description().contains("rephrasing"));
    }

    @Test
    void aHugeAnswerStaysInsideEveryLimitAndIsCutAtASentence() {
        String sentence = "The mission reported on security conditions across the northern regions. ";
        List<Citation> citations = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            citations.add(new Citation(i, "s" + i, "T".repeat(300), "P".repeat(300), "2020", "https://x.org/"
                    + "a".repeat(900)));
        }
        Snippet big = new Snippet(sentence.repeat(100).strip(), Optional.of("Security"),
                IntStream.rangeClosed(1, 40).boxed().toList(), "big", Snippet.Kind.PASSAGE, Optional.empty(),
                List.of());
        Answer answer = new Answer("q".repeat(400), true, 0.7, List.of(big), citations, Optional.empty(), List.of(),
                Optional.of("q_corrected"));
        ReplyView view = answers.answer(answer, shown(1));
        assertWithinLimits(view);
        String description = view.embeds().get(0).description();
        assertTrue(description.startsWith("*Answering: q\\_corrected*\n\nThe mission"), description);
        assertTrue(description.contains("regions."), description);
        assertWithinLimits(answers.sources(answer));
    }

    private static TimelineEvent event(String date, String text, String topic, Optional<String> note,
                                       Citation... citations) {
        return new TimelineEvent("id-" + date, PartialDate.parse(date).orElseThrow(), text, List.of(topic), note,
                List.of(citations), Optional.of("FR " + text), note.map(n -> "FR " + n));
    }

    private static List<TimelineEvent> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> event(String.format("2020-%02d-%02d", 1 + i / 28, 1 + i % 28),
                "Event *" + i + "*.", i % 2 == 0 ? "2020 coup" : "protests",
                i == 3 ? Optional.of("Date disputed (kiwix-wikipedia-malian-election-2018); AFP says so.")
                        : Optional.empty(),
                citation(1 + i % 3))).toList();
    }

    @Test
    void aTimelinePageIsOneLinePerEventWithARangeSummaryAndNoIds() {
        List<TimelineEvent> all = events(30);
        TimelineRenderer renderer = new TimelineRenderer(new TimelinePicture());
        String topic = "t".repeat(60);
        ReplyView view = renderer.page(all, 0, new TimelineRenderer.Filters("2020", "2021-12", topic), EN);
        assertWithinLimits(view);
        EmbedView embed = view.embeds().get(0);
        String[] lines = embed.description().split("\n");
        assertEquals("**1 Jan 2020 – 31 Dec 2021 · 30 events**", lines[0]);
        assertEquals("**1 Jan 2020** — Event \\*0\\*. [1]", lines[2]);
        assertEquals("**4 Jan 2020** — Event \\*3\\*. [1] ⚖", lines[5]);
        assertEquals(10, java.util.Arrays.stream(lines).skip(1).filter(l -> l.matches("\\*\\*\\d.*")).count(),
                embed.description());
        assertFalse(embed.description().contains("kiwix") || embed.description().contains("id-"), "no ids");
        assertTrue(embed.description().endsWith("\n\n**Sources**\n[1] [Publisher 1, 2023-06-30](https://example.org/1)"
                + " · [2] [Publisher 2, 2023-06-30](https://example.org/2) · [3] [Publisher 3, 2023-06-30]"
                + "(https://example.org/3)"), embed.description());
        assertTrue(embed.fields().isEmpty(), "the sources fit in the description");
        assertEquals("Events 1–10 of 30", embed.footer());
        assertTrue(embed.image().isPresent());
        assertEquals(List.of("tl|0|2020|2021-12|" + topic, "tl|10|2020|2021-12|" + topic, "tlx|0|2020|2021-12|" + topic),
                view.buttons().stream().map(ButtonView::customId).toList());
        assertTrue(view.buttons().get(0).disabled());
        assertEquals("Disputes (1)", view.buttons().get(2).label());

        ReplyView disputes = renderer.disputes(all, 0, EN);
        assertTrue(disputes.ephemeral());
        assertEquals("**4 Jan 2020** — Event \\*3\\*.\n⚖ Date disputed; AFP says so.",
                disputes.embeds().get(0).description());
    }

    @Test
    void aShortLastPageIsFoldedIntoTheOneBeforeAndFrenchPagesSpeakFrench() {
        List<TimelineEvent> all = events(21);
        assertEquals(10, TimelineRenderer.pageEnd(21, 0));
        assertEquals(21, TimelineRenderer.pageEnd(21, 10), "no page for one event");
        ReplyView last = new TimelineRenderer(new TimelinePicture()).page(all, 10,
                new TimelineRenderer.Filters("", "", ""), FR);
        EmbedView embed = last.embeds().get(0);
        assertEquals("Chronologie", embed.title());
        assertTrue(embed.description().startsWith("**1er janvier 2020 – 21 janvier 2020 · 21 événements**"),
                embed.description());
        assertTrue(embed.description().contains("— FR Event"), embed.description());
        assertEquals("Événements 11 à 21 sur 21", embed.footer());
        assertEquals(List.of("◀ Précédent", "Suivant ▶"), last.buttons().stream().map(ButtonView::label).toList());
        assertTrue(last.buttons().get(1).disabled());
    }

    @Test
    void anEmptyTimelineSaysSo() {
        ReplyView view = new TimelineRenderer(new TimelinePicture()).page(List.of(), 0,
                new TimelineRenderer.Filters("", "", ""), EN);
        assertEquals("No dated events match.", view.embeds().get(0).description());
        assertTrue(view.buttons().isEmpty());
    }

    @Test
    void datesAreReadAsPeopleWriteThem() {
        assertEquals(Optional.of("2021-03"), DateInput.iso("March 2021"));
        assertEquals(Optional.of("2021-03"), DateInput.iso("mars 2021"));
        assertEquals(Optional.of("2021-03"), DateInput.iso("2021-03"));
        assertEquals(Optional.of("2021-03"), DateInput.iso("03/2021"));
        assertEquals(Optional.of("2020-08-18"), DateInput.iso("18 August 2020"));
        assertEquals(Optional.of("2020-08-01"), DateInput.iso("1er août 2020"));
        assertEquals(Optional.of("2020-08-18"), DateInput.iso("Aug 18, 2020"));
        assertEquals(Optional.of("2021"), DateInput.iso(" 2021 "));
        assertEquals(Optional.empty(), DateInput.iso("August"));
        assertEquals(Optional.empty(), DateInput.iso("31 février 2021"));
        assertEquals("18 Aug 2020", EN.shortDate(PartialDate.parse("2020-08-18").orElseThrow()));
        assertEquals("18 août 2020", FR.date(PartialDate.parse("2020-08-18").orElseThrow()));
    }

    @Test
    void sourcesArePrivateSearchableAndShowNoIds() {
        List<Source> sources = IntStream.range(0, 11).mapToObj(i -> new Source("s-id-" + i, "Title " + i, "Pub",
                SourceKind.MAJOR, Optional.empty(), List.of(), PartialDate.parse("2020"),
                Optional.empty(), "https://x.org/" + i, "en", null)).toList();
        SourcesRenderer renderer = new SourcesRenderer();
        ReplyView first = renderer.page(sources, 0, "", EN);
        assertTrue(first.ephemeral());
        String text = first.embeds().get(0).description();
        assertTrue(text.contains("[Title 0](https://x.org/0) — Pub, 2020"), text);
        assertFalse(text.contains("s-id-"), "no ids");
        assertTrue(first.buttons().get(0).disabled());
        assertEquals("src|" + SourcesRenderer.PAGE_SIZE + "|", first.buttons().get(1).customId());
        ReplyView last = renderer.page(sources, SourcesRenderer.PAGE_SIZE, "Pub", FR);
        assertEquals("Sources 11 à 11 sur 11", last.embeds().get(0).footer());
        assertEquals("Sources : Pub", last.embeds().get(0).title());
        assertEquals(Optional.of(new ComponentIds.SourcesPosition(8, "a|b")),
                ComponentIds.SourcesPosition.parse("src|8|a|b"));
        assertEquals("Aucune source ne correspond à « xyz ».",
                renderer.page(List.of(), 0, "xyz", FR).embeds().get(0).description());
    }

    @Test
    void helpListsExamplesThePeriodAndOnlyWhatTheUserMayRun() {
        NoticeRenderer notices = new NoticeRenderer();
        NoticeRenderer.HelpFacts member = new NoticeRenderer.HelpFacts(PartialDate.parse("2012-01-17"), AS_OF,
                false, true, true, 30);
        String text = notices.help(EN, member).embeds().get(0).description();
        assertTrue(text.contains("2012 to 27 April 2026"), text);
        assertTrue(text.contains("> Who leads Mali?"), text);
        assertFalse(text.contains("/reindex"), text);
        assertTrue(notices.help(EN, new NoticeRenderer.HelpFacts(PartialDate.parse("2012"), AS_OF, true, false,
                false, 30)).embeds().get(0).description().contains("/reindex"));
        String french = notices.help(FR, member).embeds().get(0).description();
        assertTrue(french.contains("de 2012 au 27 avril 2026"), french);
        assertTrue(french.contains("Qui dirige le Mali ?"), french);
    }

    @Test
    void everyTextExistsInBothLanguages() {
        Set<String> english = new HashSet<>(ResourceBundle.getBundle("org.crisisdesk.discord.render.messages",
                java.util.Locale.ROOT).keySet());
        Set<String> french = new HashSet<>(ResourceBundle.getBundle("org.crisisdesk.discord.render.messages",
                java.util.Locale.FRENCH).keySet());
        assertEquals(english, french);
        for (String key : english) {
            assertFalse(EN.get(key, 1, 2, 3).isBlank(), key);
            assertFalse(FR.get(key, 1, 2, 3).isBlank(), key);
        }
    }

    @Test
    void reindexResultsRefusalsAndNotices() {
        NoticeRenderer notices = new NoticeRenderer();
        IndexManifest manifest = new IndexManifest(1, "f", java.time.Instant.EPOCH, 4, 3, 8, List.of(),
                List.of("MINUSMA"), "2026-04-27", List.of());
        ReindexReport report = new ReindexReport("gen-000002", manifest, Optional.of(manifest), Duration.ofMillis(42));
        String text = notices.reindexed(EN, report).embeds().get(0).description();
        assertTrue(text.contains("gen-000002") && text.contains("42 ms") && text.contains("3 passages (0)"), text);
        List<Problem> problems = IntStream.range(0, 200).mapToObj(i -> new Problem(new Origin(
                java.nio.file.Path.of("events/bad.yaml"), i + 1, 3), "'date' is wrong " + "x".repeat(100))).toList();
        ReplyView refused = notices.invalidKnowledge(EN, problems);
        assertWithinLimits(refused);
        String body = refused.embeds().get(0).description();
        assertTrue(body.contains("events/bad.yaml:1:3: 'date' is wrong"), body);
        assertTrue(body.contains("more (run `crisisdesk validate`)"), body);
        assertTrue(refused.ephemeral());
        assertEquals("Please wait 3 seconds before asking again.",
                notices.cooldown(EN, Duration.ofMillis(2100)).content());
        assertEquals("Veuillez attendre 1 seconde avant de poser une autre question.",
                notices.cooldown(FR, Duration.ofMillis(300)).content());
    }

    @Test
    void componentIdsRoundTrip() {
        assertEquals(Optional.of(new ComponentIds.More("abc", 3, 42)), ComponentIds.More.parse("ask:more:abc:3:42"));
        assertEquals(Optional.empty(), ComponentIds.More.parse("ask:more:abc:3"));
        assertEquals(Optional.of(new ComponentIds.Vote("abc", false)), ComponentIds.Vote.parse("ask:down:abc"));
        assertEquals(Optional.of(new ComponentIds.Alternative("abc", 1, 7)),
                ComponentIds.Alternative.parse("ask:alt:abc:1:7"));
        for (String id : List.of("ask:more:abc:3:42", "ask:down:abc", "ask:alt:abc:1:7", "ask:src:abc")) {
            assertEquals(Optional.of("abc"), ComponentIds.answerKey(id), id);
        }
        assertEquals(Optional.empty(), ComponentIds.answerKey("tl|0|||"));
        assertEquals(Optional.empty(), ComponentIds.TimelinePosition.parse("tl|x|||"));
        assertEquals(Optional.of(new ComponentIds.TimelinePosition(0, "", "", "a|b")),
                ComponentIds.TimelinePosition.parse("tl|0|||a|b"));
        assertEquals(Optional.of(new ComponentIds.TimelinePosition(10, "2020", "", "x")),
                ComponentIds.TimelinePosition.parseDisputes("tlx|10|2020||x"));
    }
}
