package org.crisisdesk.knowledge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every YAML file below a knowledge directory and validates the whole: structure, formats and the links
 * between files. All problems are collected before failing, so a curator fixes them in one pass.
 */
public final class KnowledgeLoader {

    /** A knowledge file larger than this is a mistake (a pasted archive, a dump), not curated text. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private static final Set<String> SECTIONS = Set.of("sources", "passages", "events", "aliases", "synonyms", "base");
    private static final Set<String> SOURCE_FIELDS =
            Set.of("id", "title", "publisher", "kind", "via", "authors", "date", "url", "language", "accessed");
    private static final Set<String> PASSAGE_FIELDS = Set.of("id", "title", "title_fr", "about", "as_of",
            "sentences", "tags", "questions", "keywords", "first_tier_missing");
    private static final Set<String> SENTENCE_FIELDS = Set.of("en", "fr", "sources", "note", "note_fr", "unconfirmed");
    private static final Set<String> EVENT_FIELDS = Set.of("id", "date", "en", "fr", "topics", "sources", "note",
            "note_fr", "unconfirmed", "first_tier_missing");
    private static final Set<String> BASE_FIELDS = Set.of("as_of", "reviewed");
    private static final Set<String> ALIAS_FIELDS = Set.of("names");

    static final int MAX_TITLE = 200;
    static final int MAX_PASSAGE_TEXT = 2000;
    static final int MAX_SENTENCE = 600;
    static final int MIN_SENTENCE = 10;
    static final int MAX_EVENT_TEXT = 600;
    static final int MAX_NOTE = 1000;
    static final int MAX_SHORT = 300;

    private final YamlTreeReader yaml = new YamlTreeReader();

    /** The knowledge base in {@code directory}, or every problem found in it. */
    public KnowledgeBase load(Path directory) throws InvalidKnowledgeException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new InvalidKnowledgeException(List.of(new Problem(Origin.ofFile(directory),
                    "knowledge directory does not exist or is not a directory")));
        }
        KnowledgeFiles.Listing listing = KnowledgeFiles.find(directory);
        List<Path> files = listing.files();
        List<Problem> problems = new ArrayList<>(listing.problems());
        Collected collected = new Collected();
        MessageDigest digest = sha256();
        for (Path file : files) {
            Path shown = displayPath(file);
            byte[] bytes = readBounded(file, shown, problems);
            digest.update(directory.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (bytes == null) {
                continue;
            }
            digest.update(bytes);
            digest.update((byte) 0);
            decodeUtf8(bytes, shown, problems)
                    .flatMap(text -> yaml.read(shown, text, problems))
                    .ifPresent(root -> readFile(root, shown, collected, problems));
        }
        validateLinks(collected, problems);
        checkClaims(collected, problems);
        Collections.sort(problems);
        List<Problem> errors = problems.stream().filter(p -> !p.isWarning()).toList();
        if (!errors.isEmpty()) {
            throw new InvalidKnowledgeException(errors, problems.stream().filter(Problem::isWarning).toList());
        }
        return new KnowledgeBase(collected.sources, collected.passages, collected.events, collected.aliases,
                collected.base == null ? BaseInfo.UNKNOWN : collected.base, problems,
                HexFormat.of().formatHex(digest.digest()));
    }

    /** A digest of the knowledge files' names and bytes: an index built from the same digest is up to date. */
    public String fingerprint(Path directory) throws IOException {
        MessageDigest digest = sha256();
        for (Path file : KnowledgeFiles.find(directory).files()) {
            digest.update(directory.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (Files.size(file) <= MAX_FILE_BYTES) {
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }


    /** Relative to the working directory when below it, as a compiler would print it; absolute otherwise. */
    private static Path displayPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }

    private static byte[] readBounded(Path file, Path shown, List<Problem> problems) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            problems.add(new Problem(Origin.ofFile(shown), "file is " + size / 1024 + " KiB; knowledge files are at most "
                    + MAX_FILE_BYTES / 1024 + " KiB (split it)"));
            return null;
        }
        return Files.readAllBytes(file);
    }

    private static Optional<String> decodeUtf8(byte[] bytes, Path shown, List<Problem> problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8Offset(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            problems.add(new Problem(new Origin(shown, line, column), "file is not valid UTF-8 (byte "
                    + bad + "); save it as UTF-8"));
            return Optional.empty();
        }
    }

    private static int firstInvalidUtf8Offset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private void readFile(YamlNode root, Path file, Collected into, List<Problem> problems) {
        if (root instanceof YamlNode.Null) {
            return;
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(root.origin(), "a knowledge file is a mapping with sections "
                    + "'sources', 'passages', 'events' or 'aliases', not " + root.kind()));
            return;
        }
        for (YamlNode.Entry section : mapping.entries().values()) {
            if (!SECTIONS.contains(section.key())) {
                problems.add(new Problem(section.keyOrigin(), "unknown section '" + section.key()
                        + "' (expected sources, passages, events, aliases, synonyms or base)"));
                continue;
            }
            if (section.key().equals("base")) {
                if (into.base != null) {
                    problems.add(new Problem(section.keyOrigin(), "'base' is given twice (first at "
                            + into.baseOrigin + "); say it once for the whole knowledge base"));
                    continue;
                }
                into.baseOrigin = section.keyOrigin();
                into.base = readBase(section.value(), problems).orElse(BaseInfo.UNKNOWN);
                continue;
            }
            List<YamlNode> items;
            if (section.value() instanceof YamlNode.Sequence seq) {
                items = seq.items();
            } else if (section.value() instanceof YamlNode.Null) {
                items = List.of();
            } else {
                problems.add(new Problem(section.value().origin(), "'" + section.key() + "' must be a list, not "
                        + section.value().kind()));
                continue;
            }
            for (YamlNode item : items) {
                switch (section.key()) {
                    case "sources" -> readSource(item, problems).ifPresent(into.sources::add);
                    case "passages" -> readPassage(item, into, problems).ifPresent(into.passages::add);
                    case "events" -> readEvent(item, into, problems).ifPresent(into.events::add);
                    case "synonyms" -> readAlias(item, true, into, problems).ifPresent(into.aliases::add);
                    default -> readAlias(item, false, into, problems).ifPresent(into.aliases::add);
                }
            }
        }
    }

    private Optional<Source> readSource(YamlNode node, List<Problem> problems) {
        return ItemFields.of(node, "a source", SOURCE_FIELDS, problems).map(f -> {
            String id = id(f, problems);
            String title = f.requiredText("title", MAX_TITLE);
            String publisher = f.requiredText("publisher", MAX_TITLE);
            String kindText = f.requiredText("kind", 20);
            Optional<SourceKind> kind = SourceKind.parse(kindText);
            if (!kindText.isEmpty() && kind.isEmpty()) {
                problems.add(new Problem(f.originOf("kind"), "'kind' is '" + kindText + "': expected one of "
                        + SourceKind.choices()));
            }
            Optional<String> via = f.optionalText("via", MAX_TITLE);
            List<String> authors = f.list("authors", false, MAX_TITLE).stream().map(ItemFields.Located::value).toList();
            boolean reference = kind.orElse(SourceKind.PRESS) == SourceKind.REFERENCE;
            Optional<PartialDate> date = f.date("date", !reference);
            Optional<PartialDate> accessed = f.date("accessed", false);
            String url = f.requiredText("url", 2000);
            if (!url.isEmpty()) {
                checkUrl(url, f.originOf("url"), problems);
            }
            String language = f.requiredText("language", 3);
            if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
                problems.add(new Problem(f.originOf("language"), "'language' is '" + language
                        + "': expected a lower-case ISO 639 code such as en or fr"));
            }
            return new Source(id, title, publisher, kind.orElse(SourceKind.PRESS), via, authors, date, accessed, url,
                    language, f.originOf("id"));
        });
    }

    private Optional<Passage> readPassage(YamlNode node, Collected into, List<Problem> problems) {
        return ItemFields.of(node, "a passage", PASSAGE_FIELDS, problems).map(f -> {
            String id = id(f, problems);
            String title = f.requiredText("title", MAX_TITLE);
            Optional<String> titleFr = f.optionalText("title_fr", MAX_TITLE);
            Optional<Passage.Subject> about = f.optionalText("about", 20).flatMap(word -> {
                Optional<Passage.Subject> subject = Passage.Subject.parse(word);
                if (subject.isEmpty()) {
                    problems.add(new Problem(f.originOf("about"), "'about' is '" + word
                            + "': expected person, organisation, place, event or topic"));
                }
                return subject;
            });
            Optional<PartialDate> asOf = f.date("as_of", false);
            List<Sentence> sentences = new ArrayList<>();
            for (YamlNode item : f.items("sentences", true)) {
                readSentence(id, item, into, problems).ifPresent(sentences::add);
            }
            int length = sentences.stream().mapToInt(s -> s.en().length() + 1).sum();
            if (length > MAX_PASSAGE_TEXT) {
                problems.add(new Problem(f.originOf("sentences"), "the sentences are " + length
                        + " characters in all; a passage is at most " + MAX_PASSAGE_TEXT + " (split it)"));
            }
            if (titleFr.isEmpty() && !title.isEmpty()) {
                problems.add(new Problem(f.origin(), "passage '" + id + "' has no French title (title_fr)"));
            }
            List<String> tags = values(f.list("tags", false, 80));
            List<String> questions = values(f.list("questions", false, MAX_SHORT));
            List<String> keywords = values(f.list("keywords", false, 120));
            Optional<String> firstTierMissing = f.optionalText("first_tier_missing", MAX_NOTE);
            return new Passage(id, title, titleFr, about, asOf, sentences, tags, questions, keywords,
                    firstTierMissing, f.originOf("id"));
        });
    }

    private Optional<Sentence> readSentence(String passageId, YamlNode node, Collected into, List<Problem> problems) {
        return ItemFields.of(node, "a sentence", SENTENCE_FIELDS, problems).map(f -> {
            String en = f.requiredText("en", MAX_SENTENCE);
            if (!en.isEmpty() && en.length() < MIN_SENTENCE) {
                problems.add(new Problem(f.originOf("en"), "'en' is only " + en.length()
                        + " characters; a sentence states a fact"));
            }
            Optional<String> fr = f.optionalText("fr", MAX_SENTENCE);
            List<String> sources = citations(passageId, f, into, problems);
            Optional<String> note = f.optionalText("note", MAX_NOTE);
            Optional<String> noteFr = f.optionalText("note_fr", MAX_NOTE);
            boolean unconfirmed = f.flag("unconfirmed");
            Sentence sentence = new Sentence(en, fr, sources, note, noteFr, unconfirmed, f.origin());
            into.claims.add(new Claim(passageId, en, fr, note, noteFr, unconfirmed, sources, f));
            return sentence;
        });
    }

    private Optional<Event> readEvent(YamlNode node, Collected into, List<Problem> problems) {
        return ItemFields.of(node, "an event", EVENT_FIELDS, problems).flatMap(f -> {
            String id = id(f, problems);
            Optional<PartialDate> date = f.date("date", true);
            String en = f.requiredText("en", MAX_EVENT_TEXT);
            Optional<String> fr = f.optionalText("fr", MAX_EVENT_TEXT);
            List<String> topics = values(f.list("topics", false, 80));
            List<String> sources = citations(id, f, into, problems);
            Optional<String> note = f.optionalText("note", MAX_NOTE);
            Optional<String> noteFr = f.optionalText("note_fr", MAX_NOTE);
            boolean unconfirmed = f.flag("unconfirmed");
            Optional<String> firstTierMissing = f.optionalText("first_tier_missing", MAX_NOTE);
            into.claims.add(new Claim(id, en, fr, note, noteFr, unconfirmed, sources, f));
            return date.map(d -> new Event(id, d, en, fr, topics, sources, note, noteFr, unconfirmed,
                    firstTierMissing, f.originOf("id")));
        });
    }

    private static Optional<BaseInfo> readBase(YamlNode node, List<Problem> problems) {
        return ItemFields.of(node, "'base'", BASE_FIELDS, problems)
                .map(f -> new BaseInfo(f.date("as_of", true), f.date("reviewed", false)));
    }

    private Optional<Alias> readAlias(YamlNode node, boolean synonym, Collected into, List<Problem> problems) {
        List<ItemFields.Located> names;
        if (node instanceof YamlNode.Mapping) {
            Optional<ItemFields> fields = ItemFields.of(node, "an alias", ALIAS_FIELDS, problems);
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            names = fields.get().list("names", true, 150);
        } else if (node instanceof YamlNode.Sequence) {
            names = new ArrayList<>();
            for (YamlNode item : ((YamlNode.Sequence) node).items()) {
                if (item instanceof YamlNode.Scalar scalar && !ItemFields.normalizeSpace(scalar.text()).isEmpty()) {
                    names.add(new ItemFields.Located(ItemFields.normalizeSpace(scalar.text()), scalar.origin()));
                } else {
                    problems.add(new Problem(item.origin(), "each name of an alias must be text, not " + item.kind()));
                }
            }
        } else {
            problems.add(new Problem(node.origin(), "an alias is a list of names, not " + node.kind()));
            return Optional.empty();
        }
        if (names.size() < 2) {
            problems.add(new Problem(node.origin(), "an alias needs at least two names that mean the same thing"));
            return Optional.empty();
        }
        for (ItemFields.Located name : names) {
            into.aliasNames.add(name);
        }
        return Optional.of(new Alias(values(names), node.origin(), synonym));
    }

    private static String id(ItemFields f, List<Problem> problems) {
        String id = f.requiredText("id", 200);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(new Problem(f.originOf("id"), "id '" + id + "' must be 2 to 80 lower-case letters, digits "
                    + "and dashes, starting and ending with a letter or digit"));
        }
        return id;
    }

    private static List<String> citations(String citingId, ItemFields f, Collected into, List<Problem> problems) {
        List<ItemFields.Located> refs = f.list("sources", true, 200);
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ItemFields.Located ref : refs) {
            if (!seen.add(ref.value())) {
                problems.add(new Problem(ref.origin(), "source '" + ref.value() + "' is cited twice"));
                continue;
            }
            ids.add(ref.value());
            into.references.add(new Reference(citingId, ref.value(), ref.origin()));
        }
        return ids;
    }

    private static void checkUrl(String url, Origin at, List<Problem> problems) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(new Problem(at, "url '" + url + "' must be an absolute http(s) address"));
            }
        } catch (URISyntaxException e) {
            problems.add(new Problem(at, "url '" + url + "' is not a valid address: " + e.getReason()));
        }
    }

    private static void validateLinks(Collected kb, List<Problem> problems) {
        Map<String, Origin> ids = new HashMap<>();
        kb.sources.forEach(s -> checkUnique(s.id(), s.origin(), ids, problems));
        kb.passages.forEach(p -> checkUnique(p.id(), p.origin(), ids, problems));
        kb.events.forEach(e -> checkUnique(e.id(), e.origin(), ids, problems));

        Map<String, Source> sources = new HashMap<>();
        Map<String, Source> byUrl = new HashMap<>();
        for (Source source : kb.sources) {
            sources.putIfAbsent(source.id(), source);
            if (!source.url().isEmpty()) {
                Source previous = byUrl.putIfAbsent(source.url(), source);
                if (previous != null) {
                    problems.add(new Problem(source.origin(), "source '" + source.id() + "' has the same url as '"
                            + previous.id() + "' (" + previous.origin() + "); cite that one instead"));
                }
            }
        }
        Set<String> cited = new HashSet<>();
        for (Reference reference : kb.references) {
            cited.add(reference.sourceId());
            if (!sources.containsKey(reference.sourceId())) {
                problems.add(new Problem(reference.origin(), "'" + reference.citingId() + "' cites unknown source '"
                        + reference.sourceId() + "'"));
            }
        }
        for (Source source : kb.sources) {
            if (!cited.contains(source.id()) && !source.id().isEmpty()) {
                problems.add(new Problem(source.origin(), "source '" + source.id()
                        + "' is not cited by any passage or event"));
            }
        }
        Map<String, ItemFields.Located> aliasNames = new HashMap<>();
        for (ItemFields.Located name : kb.aliasNames) {
            String key = Names.fold(name.value());
            ItemFields.Located previous = aliasNames.putIfAbsent(key, name);
            if (previous != null) {
                problems.add(new Problem(name.origin(), "alias name '" + name.value() + "' is already listed at "
                        + previous.origin() + "; a name belongs to one alias or synonym group"));
            }
        }
    }

    private static void checkUnique(String id, Origin at, Map<String, Origin> ids, List<Problem> problems) {
        if (id.isEmpty()) {
            return;
        }
        Origin previous = ids.putIfAbsent(id, at);
        if (previous != null) {
            problems.add(new Problem(at, "duplicate id '" + id + "' (first defined at " + previous + ")"));
        }
    }

    private static List<String> values(List<ItemFields.Located> located) {
        return located.stream().map(ItemFields.Located::value).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Reference(String citingId, String sourceId, Origin origin) {
    }

    /** A sentence or an event as the claim checks see it, with its fields' positions. */
    private record Claim(String itemId, String en, Optional<String> fr, Optional<String> note,
            Optional<String> noteFr, boolean unconfirmed, List<String> sources, ItemFields fields) {
    }

    /**
     * The checks on each claim that need the whole knowledge base: its sources' kinds (never weak sources alone),
     * its French text against its English one, an unconfirmed claim's note, and a subject of its own.
     */
    private static void checkClaims(Collected kb, List<Problem> problems) {
        Map<String, Source> sources = new HashMap<>();
        kb.sources.forEach(s -> sources.putIfAbsent(s.id(), s));
        TranslationCheck translation = new TranslationCheck(kb.aliases.stream().filter(a -> !a.synonym()).toList());
        for (Claim claim : kb.claims) {
            ItemFields f = claim.fields();
            List<Source> cited = claim.sources().stream().map(sources::get).filter(java.util.Objects::nonNull).toList();
            if (!cited.isEmpty() && cited.stream().allMatch(s -> s.kind().weak())) {
                problems.add(new Problem(f.originOf("sources"), "'" + claim.itemId() + "': this claim rests only on "
                        + cited.stream().map(s -> s.id() + " (" + s.kind().label() + ")").toList()
                        + "; reference works, aggregators and propaganda outlets never stand alone: cite a first-tier"
                        + " or press source that says it"));
            }
            if (claim.unconfirmed() && claim.note().isEmpty()) {
                problems.add(new Problem(f.origin(), "'" + claim.itemId() + "': an unconfirmed claim needs a 'note'"
                        + " saying who reports it and who does not"));
            }
            if (claim.fr().isEmpty()) {
                problems.add(new Problem(f.origin(), "'" + claim.itemId() + "': no French text ('fr'); every sentence"
                        + " and event is written in both languages"));
            } else {
                for (String difference : translation.differences(claim.en(), claim.fr().get())) {
                    problems.add(new Problem(f.originOf("fr"), "'" + claim.itemId() + "': the French text does not"
                            + " say what the English says: " + difference));
                }
            }
            if (claim.note().isPresent() && claim.noteFr().isEmpty()) {
                problems.add(new Problem(f.originOf("note"), "'" + claim.itemId() + "': the note has no French"
                        + " text ('note_fr')"));
            }
            DanglingStart.of(claim.en()).ifPresent(word -> problems.add(Problem.warning(f.originOf("en"), "'"
                    + claim.itemId() + "': starts with '" + word + "'; a sentence can be shown on its own, so name"
                    + " who or what it is about")));
        }
        for (Passage passage : kb.passages) {
            warnWithoutFirstTier(passage.id(), passage.sources(), passage.firstTierMissing(), passage.origin(),
                    sources, problems);
        }
        for (Event event : kb.events) {
            warnWithoutFirstTier(event.id(), event.sources(), event.firstTierMissing(), event.origin(), sources,
                    problems);
        }
    }

    private static void warnWithoutFirstTier(String id, List<String> cited, Optional<String> reason, Origin at,
            Map<String, Source> sources, List<Problem> problems) {
        boolean firstTier = cited.stream().map(sources::get).anyMatch(s -> s != null && s.firstTier());
        if (!firstTier && reason.isEmpty()) {
            problems.add(Problem.warning(at, "'" + id + "' has no first-tier source (primary, major or research);"
                    + " add one, or say why there is none in 'first_tier_missing'"));
        }
    }

    /** What the files hold so far, with the positions the cross-file checks need. */
    private static final class Collected {
        final List<Source> sources = new ArrayList<>();
        final List<Passage> passages = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final List<Alias> aliases = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();
        final List<ItemFields.Located> aliasNames = new ArrayList<>();
        final List<Claim> claims = new ArrayList<>();
        BaseInfo base;
        Origin baseOrigin;
    }
}
