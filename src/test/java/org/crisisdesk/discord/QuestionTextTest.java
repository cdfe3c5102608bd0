package org.crisisdesk.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crisisdesk.hostile.HostileText;
import org.junit.jupiter.api.Test;

class QuestionTextTest {

    /** What must never survive cleaning: a mention, a ping or a formatting mark. */
    private static final Pattern LEFTOVER = Pattern.compile(
            "<@[!&]?\\d+>|<#\\d+>|<a?:\\w+:\\d+>|</[\\w -]+:\\d+>|<t:-?\\d+(?::[a-zA-Z])?>|@everyone|@here|`|\\|\\|"
            + "|\\*\\*|__|~~");

    @Test
    void mentionsOfUsersRolesAndChannelsGo() {
        assertEquals("who is ?", QuestionText.clean("who is <@123456789012345678>?"));
        assertEquals("ask about MINUSMA", QuestionText.clean("<@!123456789012345678> ask about MINUSMA"));
        assertEquals("tell about the coup", QuestionText.clean("tell <@&987654321> about the coup <#111222333>"));
    }

    @Test
    void everyoneAndHereGoWhereverTheyAre() {
        assertEquals("what is the AES?", QuestionText.clean("@everyone what is the AES? @here"));
        assertEquals("hey you", QuestionText.clean("hey@everyone you"), "Discord pings on @everyone inside a word");
        assertEquals("@ everyone", QuestionText.clean("@@everyoneeveryone"), "removing one cannot form another");
    }

    @Test
    void customEmojiTimestampsAndCommandMentionsGo() {
        assertEquals("when did it start ?", QuestionText.clean("when did it start <:mali:123456> <a:flag:42>?"));
        assertEquals("since", QuestionText.clean("since <t:1700000000:R></ask:1234567>"));
        assertEquals("see", QuestionText.clean("see <t:1700000000>"));
    }

    @Test
    void formattingMarksGoAndTheirTextStays() {
        assertEquals("what did ECOWAS decide?", QuestionText.clean("what did `ECOWAS` decide?"));
        assertEquals("code x = 1", QuestionText.clean("code ```x = 1```"));
        assertEquals("bold under strike secret", QuestionText.clean("**bold** __under__ ~~strike~~ ||secret||"));
        assertEquals("", QuestionText.clean("`<`@123>`"), "a mark taken out cannot join the halves of a mention");
        assertEquals("*", QuestionText.clean("*`*`*"), "nor form another mark");
    }

    @Test
    void ordinaryTextIsKeptWithItsSpacesTidied() {
        assertEquals("Who led the 2021 coup in Mali? L'AES, c'est quoi ?",
                QuestionText.clean("  Who led the 2021 coup in Mali?\n\tL'AES, c'est quoi ?  "));
        assertEquals("mail me at a@b.org or <not a mention> or <@name>",
                QuestionText.clean("mail me at a@b.org or <not a mention> or <@name>"));
        assertEquals("", QuestionText.clean(null));
        assertEquals("", QuestionText.clean("<@1> @here `` "));
    }

    @Provide
    Arbitrary<String> discordish() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                HostileText.arbitrary(),
                Arbitraries.of("<", ">", "@", "!", "&", "#", ":", "a", "t", "/", "123", "everyone", "here", "`", "|",
                        "*", "_", "~", "<@", "<@!", "<@&", "<#", "<:x:", "<a:x:", "</ask:", "<t:", "@every", "one",
                        "@her", "e", " ", "\n"));
        // Pieces glued without spaces, so that cleaning is tried on marks that touch and overlap.
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Property(tries = 1000)
    void nothingThatMentionsPingsOrFormatsSurvives(@ForAll("discordish") String text) {
        String clean = QuestionText.clean(text);
        assertFalse(LEFTOVER.matcher(clean).find(), () -> "'" + text + "' became '" + clean + "'");
        assertFalse(clean.startsWith(" ") || clean.endsWith(" ") || clean.contains("  "), clean);
    }

    @Property(tries = 1000)
    void cleaningTwiceChangesNothing(@ForAll("discordish") String text) {
        String once = QuestionText.clean(text);
        assertEquals(once, QuestionText.clean(once), () -> "'" + text + "'");
    }

    @Property(tries = 300)
    void wordsWithoutMarkupAreLeftAlone(@ForAll("words") String text) {
        assertEquals(text, QuestionText.clean(text));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("éïçÉ?'.,-0123456789").ofMinLength(1)
                .ofMaxLength(12).list().ofMinSize(1).ofMaxSize(12).map(list -> String.join(" ", list));
    }
}
