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

    private static final Set<String> SECTIONS = Set.of("sources", "passages", "events", "aliases");
    private static final Set<String> SOURCE_FIELDS =
            Set.of("id", "title", "publisher", "authors", "date", "url", "language", "accessed");
    private static final Set<String> PASSAGE_FIELDS =
            Set.of("id", "title", "text", "about", "tags", "questions", "keywords", "sources", "note");
    private static final Set<String> EVENT_FIELDS = Set.of("id", "date", "text", "topics", "sources", "note");
    private static final Set<String> ALIAS_FIELDS = Set.of("names");

    static final int MAX_TITLE = 200;
    static final int MAX_PASSAGE_TEXT = 2000;
    static final int MIN_PASSAGE_TEXT = 20;
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
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new InvalidKnowledgeException(problems);
        }
        return new KnowledgeBase(collected.sources, collected.passages, collected.events, collected.aliases,
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

    static List<Path> knowledgeFiles(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
                    })
                    .sorted()
                    .toList();
        }
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
                        + "' (expected sources, passages, events or aliases)"));
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
                    default -> readAlias(item, into, problems).ifPresent(into.aliases::add);
                }
            }
        }
    }

    private Optional<Source> readSource(YamlNode node, List<Problem> problems) {
        return ItemFields.of(node, "a source", SOURCE_FIELDS, problems).map(f -> {
            String id = id(f, problems);
            String title = f.requiredText("title", MAX_TITLE);
            String publisher = f.requiredText("publisher", MAX_TITLE);
            List<String> authors = f.list("authors", false, MAX_TITLE).stream().map(ItemFields.Located::value).toList();
            Optional<PartialDate> date = f.date("date", true);
            f.date("accessed", false);
            String url = f.requiredText("url", 2000);
            if (!url.isEmpty()) {
                checkUrl(url, f.originOf("url"), problems);
            }
            String language = f.requiredText("language", 3);
            if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
                problems.add(new Problem(f.originOf("language"), "'language' is '" + language
                        + "': expected a lower-case ISO 639 code such as en or fr"));
            }
            return new Source(id, title, publisher, authors, date.orElse(null), url, language,
                    f.originOf("id"));
        });
    }

    private Optional<Passage> readPassage(YamlNode node, Collected into, List<Problem> problems) {
        return ItemFields.of(node, "a passage", PASSAGE_FIELDS, problems).map(f -> {
            String id = id(f, problems);
            String title = f.requiredText("title", MAX_TITLE);
            String text = f.requiredText("text", MAX_PASSAGE_TEXT);
            if (!text.isEmpty() && text.length() < MIN_PASSAGE_TEXT) {
                problems.add(new Problem(f.originOf("text"), "'text' is only " + text.length()
                        + " characters; a passage is a few sentences"));
            }
            Optional<Passage.Subject> about = f.optionalText("about", 20).flatMap(word -> {
                Optional<Passage.Subject> subject = Passage.Subject.parse(word);
                if (subject.isEmpty()) {
                    problems.add(new Problem(f.originOf("about"), "'about' is '" + word
                            + "': expected person, organisation, place, event or topic"));
                }
                return subject;
            });
            List<String> tags = values(f.list("tags", false, 80));
            List<String> questions = values(f.list("questions", false, MAX_SHORT));
            List<String> keywords = values(f.list("keywords", false, 120));
            List<String> sources = citations(id, f, into, problems);
            Optional<String> note = f.optionalText("note", MAX_NOTE);
            return new Passage(id, title, text, about, tags, questions, keywords, sources, note, f.originOf("id"));
        });
    }

    private Optional<Event> readEvent(YamlNode node, Collected into, List<Problem> problems) {
        return ItemFields.of(node, "an event", EVENT_FIELDS, problems).flatMap(f -> {
            String id = id(f, problems);
            Optional<PartialDate> date = f.date("date", true);
            String text = f.requiredText("text", MAX_EVENT_TEXT);
            List<String> topics = values(f.list("topics", false, 80));
            List<String> sources = citations(id, f, into, problems);
            Optional<String> note = f.optionalText("note", MAX_NOTE);
            return date.map(d -> new Event(id, d, text, topics, sources, note, f.originOf("id")));
        });
    }

    private Optional<Alias> readAlias(YamlNode node, Collected into, List<Problem> problems) {
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
        return Optional.of(new Alias(values(names), node.origin()));
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
                        + previous.origin() + "; a name belongs to one alias"));
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

    /** What the files hold so far, with the positions the cross-file checks need. */
    private static final class Collected {
        final List<Source> sources = new ArrayList<>();
        final List<Passage> passages = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final List<Alias> aliases = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();
        final List<ItemFields.Located> aliasNames = new ArrayList<>();
    }
}
