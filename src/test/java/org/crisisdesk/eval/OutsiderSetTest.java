package org.crisisdesk.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutsiderSetTest {

    private static Answer answer(String... texts) {
        List<Snippet> snippets = java.util.Arrays.stream(texts)
                .map(t -> new Snippet(t, Optional.empty(), List.of(1), "p", Snippet.Kind.PASSAGE, Optional.empty(),
                        List.of()))
                .toList();
        return new Answer("q", true, 0.9, snippets, List.of(new Citation(1, "s", "T", "P", "2020", "https://x.org")),
                Optional.empty(), List.of(), Optional.empty());
    }

    @Test
    void readsTheSharedFormatAndJudgesAsTheSharedScorerDoes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.tsv"), String.join("\n",
                "id\tcategory\tlang\tquestion\tmust\tshould_answer\turls",
                "X1\tfactual\ten\twhen did it start\tjanuary 2013|janvier 2013;france\tyes\thttps://a",
                "X2\tcomparative\ten\tA vs B\tserval;barkhane\tyes\t",
                "X3\tofftopic\ten\tworld cup?\t\tno\t", ""));
        OutsiderSet set = OutsiderSet.load(file);
        assertEquals("x", set.name());
        assertEquals(3, set.questions().size());
        OutsiderSet.Question first = set.questions().get(0);
        assertEquals(OutsiderSet.Verdict.CORRECT, first.judge(answer("Le 11 janvier 2013, la France est intervenue.")));
        assertEquals(OutsiderSet.Verdict.MISSED, first.judge(answer("In January 2013 Mali asked for help.")));
        assertEquals(OutsiderSet.Verdict.REFUSED, first.judge(new Answer("q", false, 0, List.of(), List.of(),
                Optional.of("no"), List.of(), Optional.empty())));
        OutsiderSet.Question comparison = set.questions().get(1);
        assertEquals(OutsiderSet.Verdict.CORRECT, comparison.judge(answer("Serval was…", "Barkhane was…")),
                "a comparison is judged on its first two snippets");
        assertEquals(OutsiderSet.Verdict.MISSED, comparison.judge(answer("Serval was…", "x", "Barkhane")));
        OutsiderSet.Question off = set.questions().get(2);
        assertEquals(OutsiderSet.Verdict.ANSWERED_OFF_TOPIC, off.judge(answer("anything")));
    }
}
