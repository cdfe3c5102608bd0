package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeEvidenceTest {

    private static List<String> spans(AnswerType type, String sentence) {
        return TypeEvidence.spans(type, sentence).stream().map(h -> sentence.substring(h.start(), h.end())).toList();
    }

    @Test
    void findsDatesInEitherLanguage() {
        assertEquals(List.of("11 January 2013"), spans(AnswerType.DATE, "France intervened on 11 January 2013."));
        assertEquals(List.of("18 août 2020"), spans(AnswerType.DATE, "Le coup d'État du 18 août 2020."));
        assertEquals(List.of("April 2026"), spans(AnswerType.DATE, "Reports from April 2026 say so."));
        assertFalse(TypeEvidence.has(AnswerType.DATE, "The army retook the town."));
    }

    @Test
    void findsPeopleButNotOrganisationsOrPlaces() {
        assertEquals(List.of("Colonel Assimi Goïta"), spans(AnswerType.PERSON,
                "Colonel Assimi Goïta led the National Committee for the Salvation of the People."));
        assertTrue(spans(AnswerType.PERSON, "The Security Council met in Bamako.").isEmpty());
        assertTrue(TypeEvidence.has(AnswerType.PERSON, "Iyad Ag Ghaly leads JNIM."));
        assertTrue(TypeEvidence.has(AnswerType.PERSON, "Bah N'Daw was sworn in."));
        assertFalse(TypeEvidence.has(AnswerType.PERSON,
                "15 countries including France, Canada and the United Kingdom condemned the deployment."));
        assertFalse(TypeEvidence.has(AnswerType.PERSON, "The Monkey Cage analysis said so."));
        // "Who overthrew IBK?": the name the question gives is not an answer to it.
        String detained = "Soldiers detained Ibrahim Boubacar Keïta.";
        List<Snippet.Highlight> named = List.of(new Snippet.Highlight(18, 40));
        assertFalse(TypeEvidence.hasPersonBeyond(detained, named));
        assertTrue(TypeEvidence.hasPersonBeyond("Colonel Assimi Goïta detained Ibrahim Boubacar Keïta.",
                List.of(new Snippet.Highlight(30, 52))));
    }

    @Test
    void aNameJoinedToTheAskedOneSharesItsPlaceInTheSentence() {
        String detained = "Soldiers detained President Ibrahim Boubacar Keïta and Prime Minister Boubou Cissé.";
        int start = detained.indexOf("Ibrahim");
        List<Snippet.Highlight> named = List.of(new Snippet.Highlight(start, start + "Ibrahim Boubacar Keïta".length()));
        assertFalse(TypeEvidence.hasPersonBeyond(detained, named));
        String led = "Colonel Assimi Goïta led the officers who detained President Ibrahim Boubacar Keïta.";
        int at = led.indexOf("Ibrahim");
        assertTrue(TypeEvidence.hasPersonBeyond(led, List.of(new Snippet.Highlight(at, at + 22))));
    }

    @Test
    void aBodyNamedInCapitalsIsAnActorUnlessTheQuestionNamesIt() {
        String formed = "The officers called themselves the National Committee for the Salvation of the People.";
        assertTrue(TypeEvidence.hasBodyBeyond(formed, List.of()));
        assertTrue(TypeEvidence.hasBodyBeyond("Les officiers ont formé le Comité national pour le salut du peuple.",
                List.of()));
        int at = formed.indexOf("National");
        assertFalse(TypeEvidence.hasBodyBeyond(formed, List.of(new Snippet.Highlight(at, formed.length() - 1))));
        assertFalse(TypeEvidence.hasBodyBeyond("Jihadists attacked the Kati camp near Bamako.", List.of()));
    }

    @Test
    void findsQuantitiesButNotYearsDaysOrResolutionNumbers() {
        assertEquals(List.of("12,600"), spans(AnswerType.NUMBER,
                "Resolution 2100 authorised up to 12,600 uniformed personnel on 25 April 2013."));
        assertTrue(TypeEvidence.has(AnswerType.NUMBER, "More than 300 peacekeepers died."));
        assertTrue(TypeEvidence.has(AnswerType.NUMBER, "Des centaines de civils ont été tués."));
        assertFalse(TypeEvidence.has(AnswerType.NUMBER, "Resolution 2690 was adopted on 30 June 2023."));
    }

    @Test
    void findsCausesButNotMereSequence() {
        assertTrue(TypeEvidence.has(AnswerType.REASON, "The junta demanded the mission's withdrawal, citing failure."));
        assertTrue(TypeEvidence.has(AnswerType.REASON, "Le Mali a quitté la CEDEAO en raison des sanctions."));
        assertTrue(TypeEvidence.has(AnswerType.REASON, "France launched Serval to halt a jihadist offensive."));
        assertFalse(TypeEvidence.has(AnswerType.REASON, "France declared Serval over on 13 July 2014."));
        assertTrue(TypeEvidence.has(AnswerType.REASON, "They recalled their ambassadors over the drone incident."));
        assertTrue(TypeEvidence.has(AnswerType.REASON, "Mara was jailed after writing on social media."));
        assertFalse(TypeEvidence.has(AnswerType.REASON, "A withdrawal takes effect one year after notification."));
        assertTrue(TypeEvidence.has(AnswerType.REASON, "The coup followed months of mass protests against him."));
        // "Why did Mali denounce the agreements?": "denounced" restates the question; "because" gives a cause.
        String restated = "Mali denounced the agreements in May 2022.";
        List<Snippet.Highlight> asked = List.of(new Snippet.Highlight(5, 14));
        assertTrue(TypeEvidence.has(AnswerType.REASON, restated));
        assertFalse(TypeEvidence.hasReasonBeyond(restated, asked));
        assertTrue(TypeEvidence.hasReasonBeyond("Mali denounced the agreements because of airspace violations.", asked));
        assertTrue(TypeEvidence.has(AnswerType.REASON, "Le coup d'État a fait suite à des mois de manifestations."));
    }

    @Test
    void theLatestYearASentenceNames() {
        assertEquals(0, SentenceChooser.latestYear("No year here."));
        assertEquals(1, SentenceChooser.latestYear("Between 2012 and 2026."));
        assertEquals(8 / 14.0, SentenceChooser.latestYear("In 2013 and again in 2020."), 1e-9);
    }
}
