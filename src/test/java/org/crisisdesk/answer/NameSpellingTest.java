package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class NameSpellingTest {

    private final NameSpelling spelling = new NameSpelling(
            List.of(List.of("ECOWAS", "CEDEAO"), List.of("Amadou Koufa", "Koufa"), List.of("Ansar Dine"),
                    List.of("Blaise Compaoré"), List.of("Gold", "or")),
            List.of(List.of("kill", "killed"), List.of("president", "head of state")));
    /** What the index would know: the question's ordinary words. */
    private final Predicate<String> known = word -> Set.of("why", "did", "mali", "leave", "who", "is", "what", "how",
            "many", "were", "in", "the", "of").contains(word.toLowerCase(java.util.Locale.ROOT));

    @Test
    void anUnknownWordOneSlipFromACuratedNameIsReadAsIt() {
        assertEquals(Optional.of("why did mali leave ECOWAS"), spelling.mend("why did mali leave ecowass", known));
        assertEquals(Optional.of("who is amadou Koufa"), spelling.mend("who is amadou kufa", known));
        assertEquals(Optional.of("what is ansar Dine"), spelling.mend("what is ansar dinne", known));
        assertEquals(Optional.of("how many were killed"), spelling.mend("how many were kiled", known));
        assertEquals(Optional.of("who is the president of mali"), spelling.mend("who is the presidnet of mali", known),
                "two letters swapped are one slip");
    }

    @Test
    void knownWordsShortWordsAndFarWordsAreLeftAlone() {
        assertEquals(Optional.empty(), spelling.mend("why did mali leave ECOWAS", known));
        assertEquals(Optional.empty(), spelling.mend("what is golf", known), "a changed letter in a short word");
        assertEquals(Optional.empty(), spelling.mend("what is java", known));
        assertEquals(Optional.empty(), spelling.mend("how were they compared", known),
                "two slips from Compaoré is another word");
    }

    @Test
    void aWordEquallyNearTwoNamesIsLeftAlone() {
        NameSpelling two = new NameSpelling(List.of(List.of("Kidal"), List.of("Kidan")), List.of());
        assertEquals(Optional.empty(), two.mend("kida", w -> false));
    }

    @Test
    void slipsCountsASwapAsOne() {
        assertEquals(1, NameSpelling.slips("presidnet", "president", 2));
        assertEquals(2, NameSpelling.slips("compared", "compaore", 2));
        assertTrue(NameSpelling.slips("ecowas", "barkhane", 1) > 1);
    }
}
