package org.crisisdesk.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The knowledge base that ships validates; its size only grows. */
class ShippedKnowledgeTest {

    @Test
    void validates() throws Exception {
        KnowledgeBase kb;
        try {
            kb = new KnowledgeLoader().load(Fixtures.repository().resolve("knowledge"));
        } catch (InvalidKnowledgeException e) {
            throw new AssertionError("knowledge/ does not validate:\n" + String.join("\n",
                    e.problems().stream().map(Object::toString).toList()), e);
        }
        assertTrue(kb.passages().size() >= 150, "passages: " + kb.passages().size());
        assertTrue(kb.events().size() >= 70, "events: " + kb.events().size());
        assertTrue(kb.sources().size() >= 30, "sources: " + kb.sources().size());
    }
}
