package org.crisisdesk.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.index.IndexManifest;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.Origin;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Problem;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.knowledge.SourceKind;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.timeline.TimelinePage;
import org.junit.jupiter.api.Test;

/** Rendering into plain records, without a network: content, limits, escaping, buttons. */
class RenderersTest {

    private final AnswerRenderer answers = new AnswerRenderer();

    private static Citation citation(int n) {
        return new Citation(n, "source-" + n, "Title " + n, "Publisher " + n, "2023-06-30",
                "https://example.org/" + n);
    }

    private static Snippet snippet(String text, int... citations) {
        return new Snippet(text, Optional.empty(), IntStream.of(citations).boxed().toList(), "p" + citations[0],
                Snippet.Kind.PASSAGE, Optional.empty(), List.of());
    }

    private static void assertWithinLimits(ReplyView view) {
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
        view.buttons().forEach(b -> assertTrue(b.customId().length() <= Limits.CUSTOM_ID));
    }

    @Test
    void anAnswerShowsTheBestSnippetWithMarkersAndOnlyTheSourcesItCites() {
        Answer answer = new Answer("Which *resolution* ended it?", true, 0.81,
                List.of(new Snippet("Resolution 2690 ended the mandate.", Optional.empty(), List.of(1), "p1",
                                Snippet.Kind.PASSAGE,
                                Optional.empty(), List.of(new Snippet.Highlight(0, 15))),
                        snippet("The mission left by December.", 2)),
                List.of(citation(1), citation(2)), Optional.empty(), List.of(), Optional.empty());
        ReplyView view = answers.answer(answer, "k1", 1, false);
        EmbedView embed = view.embeds().get(0);
        assertEquals("Which \\*resolution\\* ended it?", embed.title());
        assertEquals("**Resolution 2690** ended the mandate. [1]", embed.description());
        assertEquals(1, embed.fields().size());
        assertEquals("[1] Title 1", embed.fields().get(0).name());
        assertEquals("Publisher 1 · 2023-06-30\nhttps://example.org/1", embed.fields().get(0).value());
        assertTrue(embed.footer().contains("Confidence 81%"), embed.footer());
        assertEquals(List.of("ask:more:k1:2", "ask:up:k1", "ask:down:k1"),
                view.buttons().stream().map(ButtonView::customId).toList());
        assertFalse(view.ephemeral());

        ReplyView all = answers.answer(answer, "k1", 2, true);
        assertEquals(2, all.embeds().get(0).fields().size());
        assertTrue(all.embeds().get(0).description().endsWith("The mission left by December. [2]"));
        assertTrue(all.buttons().get(0).disabled(), "nothing more to show");
        Answer titled = new Answer("q", true, 0.9, List.of(new Snippet("He was elected.", Optional.of("Keïta"),
                List.of(1), "p", Snippet.Kind.PASSAGE, Optional.empty(), List.of())), List.of(citation(1)),
                Optional.empty(), List.of(), Optional.of("who was keita"));
        assertEquals("*Answering: who was keita*\n\n__Keïta__ — He was elected. [1]",
                answers.answer(titled, "k", 1, false).embeds().get(0).description());
        assertTrue(all.ephemeral());
    }

    @Test
    void aSingleSnippetAnswerHasOnlyFeedbackButtons() {
        Answer answer = new Answer("q", true, 0.9, List.of(snippet("Text.", 1)), List.of(citation(1)),
                Optional.empty(), List.of(), Optional.empty());
        assertEquals(List.of("👍", "👎"), answers.answer(answer, "k", 1, false).buttons().stream()
                .map(ButtonView::label).toList());
    }

    @Test
    void anAbstentionIsPlainAndOffersTopics() {
        Answer refused = new Answer("how do I bake bread?", false, 0.1, List.of(), List.of(),
                Optional.of("I have no sourced answer to that."), List.of("MINUSMA", "2020 coup"), Optional.empty());
        ReplyView view = answers.answer(refused, "k", 1, false);
        EmbedView embed = view.embeds().get(0);
        assertEquals("No sourced answer", embed.title());
        assertTrue(embed.description().contains("MINUSMA, 2020 coup"), embed.description());
        assertTrue(view.buttons().isEmpty());
    }

    @Test
    void aHugeAnswerStaysInsideEveryLimitAndIsCutAtASentence() {
        String sentence = "The mission reported on security conditions across the northern regions. ";
        List<Snippet> snippets = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            citations.add(new Citation(i, "s" + i, "T".repeat(300), "P".repeat(300), "2020", "https://x.org/"
                    + "a".repeat(900)));
        }
        snippets.add(new Snippet(sentence.repeat(100).strip(), Optional.of("Security"), IntStream.rangeClosed(1, 40).boxed().toList(), "big",
                Snippet.Kind.PASSAGE, Optional.empty(), List.of()));
        Answer answer = new Answer("q".repeat(400), true, 0.7, snippets, citations, Optional.empty(), List.of(),
                Optional.of("q_corrected"));
        ReplyView view = answers.answer(answer, "k", 1, false);
        assertWithinLimits(view);
        String description = view.embeds().get(0).description();
        assertTrue(description.startsWith("*Answering: q\\_corrected*\n\n__Security__ — The mission"), description);
        assertTrue(description.contains("regions."), description);
        assertFalse(description.contains("regions. The mission reported on security conditions across the northern [")
                , "never mid-sentence");
    }

    @Test
    void timelinePagesCarryTheirFiltersInButtonIds() {
        List<TimelineEvent> events = IntStream.range(0, 5).mapToObj(i -> new TimelineEvent("e" + i,
                PartialDate.parse("2020-08-1" + i).orElseThrow(), "Event *" + i + "*.", List.of("2020 coup"),
                Optional.empty(), List.of(citation(1)))).toList();
        String topic = "t".repeat(60);
        ReplyView view = new TimelineRenderer().page(new TimelinePage(events, 12, 5), "2020", "2021-12-31", topic);
        assertWithinLimits(view);
        EmbedView embed = view.embeds().get(0);
        assertEquals(5, embed.fields().size());
        assertTrue(embed.fields().get(0).value().startsWith("Event \\*0\\*."), embed.fields().get(0).value());
        assertTrue(embed.fields().get(0).value().contains("[1] [Title 1](https://example.org/1)"));
        assertEquals("Events 6–10 of 12", embed.footer());
        assertEquals("tl|0|2020|2021-12-31|" + topic, view.buttons().get(0).customId());
        assertEquals("tl|10|2020|2021-12-31|" + topic, view.buttons().get(1).customId());
        assertFalse(view.buttons().get(0).disabled());
        assertEquals(Optional.of(new ComponentIds.TimelinePosition(10, "2020", "2021-12-31", topic)),
                ComponentIds.TimelinePosition.parse(view.buttons().get(1).customId()));
    }

    @Test
    void anEmptyTimelineSaysSo() {
        ReplyView view = new TimelineRenderer().page(new TimelinePage(List.of(), 0, 0), "", "", "");
        assertEquals("No dated events match.", view.embeds().get(0).description());
        assertTrue(view.buttons().isEmpty());
    }

    @Test
    void sourcesArePaged() {
        List<Source> sources = IntStream.range(0, 11).mapToObj(i -> new Source("s" + i, "Title " + i, "Pub",
                SourceKind.MAJOR, java.util.Optional.empty(), List.of(), PartialDate.parse("2020"),
                java.util.Optional.empty(), "https://x.org/" + i, "en", null)).toList();
        SourcesRenderer renderer = new SourcesRenderer();
        ReplyView first = renderer.page(sources, 0);
        assertEquals(SourcesRenderer.PAGE_SIZE, first.embeds().get(0).fields().size());
        assertTrue(first.buttons().get(0).disabled());
        assertEquals("src:" + SourcesRenderer.PAGE_SIZE, first.buttons().get(1).customId());
        ReplyView last = renderer.page(sources, SourcesRenderer.PAGE_SIZE);
        assertEquals(11 - SourcesRenderer.PAGE_SIZE, last.embeds().get(0).fields().size());
        assertTrue(last.buttons().get(1).disabled());
        assertEquals("Sources 9–11 of 11", last.embeds().get(0).footer());
        assertEquals(Optional.of(8), ComponentIds.sourcesOffset("src:8"));
        assertEquals(Optional.empty(), ComponentIds.sourcesOffset("src:-1"));
    }

    @Test
    void reindexResultsAndRefusals() {
        NoticeRenderer notices = new NoticeRenderer();
        IndexManifest manifest = new IndexManifest(1, "f", java.time.Instant.EPOCH, 4, 3, 8, List.of(),
                List.of("MINUSMA"), "2026-04-27", List.of());
        ReindexReport report = new ReindexReport("gen-000002", manifest, Optional.of(manifest), Duration.ofMillis(42));
        String text = notices.reindexed(report).embeds().get(0).description();
        assertTrue(text.contains("gen-000002") && text.contains("42 ms") && text.contains("3 passages (0)"), text);
        List<Problem> problems = IntStream.range(0, 200).mapToObj(i -> new Problem(new Origin(
                java.nio.file.Path.of("events/bad.yaml"), i + 1, 3), "'date' is wrong " + "x".repeat(100))).toList();
        ReplyView refused = notices.invalidKnowledge(problems);
        assertWithinLimits(refused);
        String body = refused.embeds().get(0).description();
        assertTrue(body.contains("events/bad.yaml:1:3: 'date' is wrong"), body);
        assertTrue(body.contains("more (run `crisisdesk validate`)"), body);
        assertTrue(refused.ephemeral());
        assertEquals("Please wait 3 seconds before asking again.",
                notices.cooldown(Duration.ofMillis(2100)).content());
    }

    @Test
    void componentIdsRoundTrip() {
        assertEquals(Optional.of(new ComponentIds.More("abc", 3)), ComponentIds.More.parse("ask:more:abc:3"));
        assertEquals(Optional.empty(), ComponentIds.More.parse("ask:more:abc"));
        assertEquals(Optional.of(new ComponentIds.Vote("abc", false)), ComponentIds.Vote.parse("ask:down:abc"));
        assertEquals(Optional.empty(), ComponentIds.TimelinePosition.parse("tl|x|||"));
        assertEquals(Optional.of(new ComponentIds.TimelinePosition(0, "", "", "a|b")),
                ComponentIds.TimelinePosition.parse("tl|0|||a|b"));
    }
}
