package org.crisisdesk.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void escapesFormattingAndBreaksMentions() {
        assertEquals("\\*bold\\* \\_it\\_ \\~\\~x\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\> quote",
                Markdown.escape("*bold* _it_ ~~x~~ `code` ||spoiler|| > quote"));
        assertEquals("\\[link\\](https://x)", Markdown.escape("[link](https://x)"));
        assertEquals("\\# heading\n\\- item", Markdown.escape("# heading\n- item"));
        assertEquals("2020-08-18 C# is fine", Markdown.escape("2020-08-18 C# is fine"));
        String mention = Markdown.escape("@everyone @here <@123> <@&456>");
        assertFalse(mention.contains("@everyone"));
        assertFalse(mention.contains("@here"));
        assertFalse(mention.contains("@1") || mention.contains("@&"), mention);
        assertEquals("\\\\", Markdown.escape("\\"));
    }

    @Test
    void shortTextIsKept() {
        assertEquals("One. Two.", Markdown.cut("One. Two.", 9));
    }

    @Test
    void longTextIsCutAtASentence() {
        String text = "MINUSMA deployed in 2013. It left in 2023 after the Security Council ended its mandate.";
        assertEquals("MINUSMA deployed in 2013.", Markdown.cut(text, 45));
        assertEquals("MINUSMA deployed in 2013. It left in 2023 after the…", Markdown.cut(text, 60),
                "a sentence end that would waste over half the room gives way to a cut between words");
    }

    @Test
    void withoutAUsefulSentenceEndItIsCutBetweenWordsWithAnEllipsis() {
        String text = "Short. " + "word ".repeat(40);
        String cut = Markdown.cut(text, 100);
        assertTrue(cut.length() <= 100, cut);
        assertTrue(cut.endsWith("word…"), cut);
        String noSpaces = "x".repeat(50);
        assertEquals("…", Markdown.cut(noSpaces, 10), "a single overlong word is never split");
    }

    @Test
    void neverCutsMidWord() {
        String text = "Soldiers detain President Keïta, who resigns on television around midnight";
        for (int max = 5; max < text.length(); max++) {
            String cut = Markdown.cut(text, max);
            assertTrue(cut.length() <= max, max + ": " + cut);
            String body = cut.endsWith("…") ? cut.substring(0, cut.length() - 1) : cut;
            assertTrue(body.isEmpty() || text.startsWith(body), cut);
            assertTrue(body.isEmpty() || body.length() == text.length() || text.charAt(body.length()) == ' ', cut);
        }
    }
}
