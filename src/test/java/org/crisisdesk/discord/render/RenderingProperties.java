package org.crisisdesk.discord.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.hostile.HostileText;
import org.crisisdesk.testing.TemporaryEngine;
import org.crisisdesk.timeline.TimelineQuery;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.timeline.DateInput;

/**
 * Whatever a user types, what the bot would send stays inside Discord's limits and carries no live mention
 * (allowed mentions are also set to none on every message; the end-to-end test checks that part).
 */
class RenderingProperties {

    private static TemporaryEngine fixture;
    private static Engine engine;

    @BeforeContainer
    static void open() throws Exception {
        fixture = TemporaryEngine.open("crisisdesk-render");
        engine = fixture.engine();
    }

    @AfterContainer
    static void close() throws Exception {
        fixture.close();
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.arbitrary();
    }

    @Property(tries = 200)
    void answersFitDiscordAndPingNoOne(@ForAll("hostile") String question) {
        Answer answer = engine.ask(question);
        AnswerRenderer renderer = new AnswerRenderer();
        java.util.Optional<org.crisisdesk.knowledge.PartialDate> asOf = engine.manifest().asOfDate();
        check(renderer.answer(answer, new AnswerRenderer.Shown("k", 1, 123456789012345678L, false, asOf)));
        check(renderer.answer(answer, new AnswerRenderer.Shown("k", 3, 123456789012345678L, true, asOf)));
        check(renderer.abstention(answer, new AnswerRenderer.Shown("k", 1, 123456789012345678L, false, asOf),
                java.util.Optional.of(question), List.of(question, question, question)));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void timelinePagesEchoingUserOptionsFitDiscordAndPingNoOne(@ForAll("hostile") String from,
            @ForAll("hostile") String to, @ForAll("hostile") String topic) {
        // Buttons carry the filters: dates normalised to ISO (at most 10 characters), the topic at most 60.
        TimelineRenderer.Filters filters = new TimelineRenderer.Filters(DateInput.iso(from).orElse(""),
                DateInput.iso(to).orElse("2026"), cut(topic, 60));
        for (org.crisisdesk.index.Language language : org.crisisdesk.index.Language.values()) {
            check(new TimelineRenderer(new TimelinePicture()).page(engine.timeline(TimelineQuery.all()).events(), 0,
                    filters, Texts.of(language)));
        }
        check(new NoticeRenderer().error(from + " " + to + " " + topic));
    }

    @Property(tries = 300)
    void topicAutocompleteNeverFailsAndKeepsDiscordsCaps(@ForAll("hostile") String typed) {
        List<String> choices = TopicChoices.matching(engine.topics(), typed, 100);
        assertTrue(choices.size() <= Limits.CHOICES);
        choices.forEach(c -> assertTrue(!c.isBlank() && c.length() <= Limits.CHOICE_NAME, c));
        assertTrue(TopicChoices.matching(engine.topics(), "", 100).size() == Math.min(Limits.CHOICES,
                engine.topics().size()), "an empty prefix offers the most used topics");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void check(ReplyView reply) {
        assertTrue(reply.content().length() <= Limits.CONTENT);
        int total = 0;
        List<String> texts = new ArrayList<>(List.of(reply.content()));
        for (EmbedView embed : reply.embeds()) {
            assertTrue(embed.title().length() <= Limits.EMBED_TITLE);
            assertTrue(embed.description().length() <= Limits.EMBED_DESCRIPTION);
            assertTrue(embed.footer().length() <= Limits.FOOTER);
            assertTrue(embed.fields().size() <= Limits.FIELDS);
            for (EmbedView.Field field : embed.fields()) {
                assertTrue(field.name().length() <= Limits.FIELD_NAME);
                assertTrue(field.value().length() <= Limits.FIELD_VALUE);
                texts.add(field.name());
                texts.add(field.value());
            }
            total += embed.length();
            texts.add(embed.title());
            texts.add(embed.description());
            texts.add(embed.footer());
        }
        assertTrue(total <= Limits.EMBED_TOTAL);
        assertTrue(reply.buttons().size() <= 5);
        reply.buttons().forEach(b -> {
            assertTrue(b.customId().length() <= Limits.CUSTOM_ID, b.customId());
            assertTrue(b.label().length() <= Limits.BUTTON_LABEL);
        });
        for (String text : texts) {
            assertFalse(text.contains("@everyone") || text.contains("@here"), text);
            assertFalse(text.matches("(?s).*(?<!\\\\)<@[!&]?\\d+>.*"), "a raw user or role mention: " + text);
        }
    }
}
