package org.crisisdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.knowledge.KnowledgeReport;
import org.crisisdesk.knowledge.Problem;
import org.crisisdesk.knowledge.SourceKind;

/**
 * {@code validate [--json]}: checks the knowledge base. Errors go to standard output as {@code file:line:column}
 * (standard error with {@code --json}), warnings to standard error; the figures of {@link KnowledgeReport} to standard output, as a sentence or, with
 * {@code --json}, as one object (with the problems in it) for other tools. Exit 0 when valid, 1 when not.
 */
final class ValidateCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream stdout;
    private final PrintStream stderr;

    ValidateCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run(Path knowledge, List<String> words) throws UsageException, IOException {
        Arguments args = Arguments.parse(words, Set.of(), Set.of("json"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("validate takes no arguments besides --json");
        }
        boolean json = args.flag("json");
        try {
            KnowledgeBase kb = new KnowledgeLoader().load(knowledge);
            KnowledgeReport report = KnowledgeReport.of(kb);
            kb.warnings().forEach(stderr::println);
            if (json) {
                stdout.println(write(report(true, report, List.of(), kb.warnings())));
            } else {
                stdout.println(summary(knowledge, report, kb.warnings().size()));
            }
            return Cli.OK;
        } catch (InvalidKnowledgeException e) {
            e.warnings().forEach(stderr::println);
            e.problems().forEach(json ? stderr::println : stdout::println);
            stderr.println(e.getMessage() + (e.warnings().isEmpty() ? "" : " (and " + e.warnings().size()
                    + " warnings)") + "; the index in service is unchanged until they are fixed.");
            if (json) {
                stdout.println(write(report(false, null, e.problems(), e.warnings())));
            }
            return Cli.FAILURE;
        }
    }

    private static String summary(Path knowledge, KnowledgeReport r, int warnings) {
        return String.format(java.util.Locale.ROOT, "The knowledge base in %s is valid: %d sources (%d%% first tier),"
                + " %d passages (%d sentences), %d events, %d aliases; latest event %s, as of %s%s.", knowledge,
                r.sources(), Math.round(100 * r.firstTierShare()), r.passages(), r.sentences(), r.events(),
                r.aliases(), r.latestEvent().map(Object::toString).orElse("none"),
                r.asOf().map(Object::toString).orElse("not given"),
                warnings == 0 ? "" : "; " + warnings + " warnings");
    }

    private static ObjectNode report(boolean valid, KnowledgeReport r, List<Problem> errors, List<Problem> warnings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("valid", valid);
        if (r != null) {
            ObjectNode sources = root.putObject("sources");
            sources.put("total", r.sources());
            sources.put("first_tier", r.firstTierSources());
            sources.put("first_tier_share", Math.round(r.firstTierShare() * 1000) / 1000.0);
            ObjectNode kinds = sources.putObject("by_kind");
            for (SourceKind kind : SourceKind.values()) {
                kinds.put(kind.label(), r.sourcesByKind().getOrDefault(kind, 0));
            }
            root.put("passages", r.passages());
            root.put("sentences", r.sentences());
            root.put("median_sources_per_sentence", r.citationsPerSentence());
            root.put("events", r.events());
            root.put("aliases", r.aliases());
            ArrayNode without = root.putArray("without_first_tier");
            r.withoutFirstTier().forEach(u -> {
                ObjectNode item = without.addObject();
                item.put("id", u.id());
                u.reason().ifPresent(reason -> item.put("reason", reason));
            });
            ArrayNode weak = root.putArray("weak_only_claims");
            r.weakOnlyClaims().forEach(weak::add);
            root.put("uncited_sentences", r.uncitedSentences());
            root.put("untranslated", r.untranslated());
            r.latestEvent().ifPresent(d -> root.put("latest_event", d.toString()));
            r.asOf().ifPresent(d -> root.put("as_of", d.toString()));
            r.reviewed().ifPresent(d -> root.put("reviewed", d.toString()));
        }
        problems(root.putArray("errors"), errors);
        problems(root.putArray("warnings"), warnings);
        return root;
    }

    private static void problems(ArrayNode into, List<Problem> problems) {
        for (Problem problem : problems) {
            ObjectNode node = into.addObject();
            node.put("file", problem.origin().file().toString());
            node.put("line", problem.origin().line());
            node.put("column", problem.origin().column());
            node.put("message", problem.message());
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
