package org.crisisdesk.security;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The artifacts on a class path and their versions, as a scanner would find them in the shaded jar: from each
 * jar's {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} (Maven-built jars, and anything shaded into them), and,
 * for jars built without one (Kotlin, Okio and OkHttp are built with Gradle), from the Maven repository layout of
 * the jar's path ({@code …/group/as/folders/ARTIFACT/VERSION/ARTIFACT-VERSION.jar}).
 */
record Classpath(List<Path> jars, List<Artifact> described) {

    /** An artifact a jar describes in its pom.properties. */
    record Artifact(String group, String artifact, String version) {
    }

    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

    Classpath {
        jars = List.copyOf(jars);
        described = List.copyOf(described);
    }

    /** What the running JVM's class path holds (Surefire puts the whole test class path there). */
    static Classpath ofThisJvm() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return of(entries);
    }

    static Classpath of(List<Path> entries) {
        List<Path> jars = new ArrayList<>();
        List<Artifact> described = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar")) {
                jars.add(entry);
                described.addAll(fromPomProperties(entry));
            }
        }
        return new Classpath(jars, described);
    }

    /** Every version of {@code group:artifact} found (one, normally; several would be a shading accident). */
    List<String> versionsOf(String group, String artifact) {
        Set<String> versions = new TreeSet<>();
        described.stream().filter(a -> a.group().equals(group) && a.artifact().equals(artifact))
                .forEach(a -> versions.add(a.version()));
        for (Path jar : jars) {
            versionFromRepositoryLayout(jar, group, artifact).ifPresent(versions::add);
        }
        return List.copyOf(versions);
    }

    private static List<Artifact> fromPomProperties(Path jar) {
        List<Artifact> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                Matcher name = POM_PROPERTIES.matcher(entry.getName());
                if (!name.matches()) {
                    continue;
                }
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream(entry)) {
                    properties.load(in);
                }
                String version = properties.getProperty("version");
                if (version != null) {
                    found.add(new Artifact(properties.getProperty("groupId", name.group(1)),
                            properties.getProperty("artifactId", name.group(2)), version.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return found;
    }

    /**
     * The version in a path laid out as in a Maven repository, {@code …/org/jetbrains/kotlin/kotlin-stdlib/2.4.21/
     * kotlin-stdlib-2.4.21.jar}, when it is {@code group:artifact}'s; wherever the repository's root is.
     */
    private static Optional<String> versionFromRepositoryLayout(Path jar, String group, String artifact) {
        List<String> folders = new ArrayList<>(List.of(group.split("\\.")));
        folders.add(artifact);
        int count = jar.getNameCount();
        if (count < folders.size() + 2) {
            return Optional.empty();
        }
        String version = jar.getName(count - 2).toString();
        for (int i = 0; i < folders.size(); i++) {
            if (!jar.getName(count - 2 - folders.size() + i).toString().equals(folders.get(i))) {
                return Optional.empty();
            }
        }
        return jar.getFileName().toString().startsWith(artifact + "-" + version) ? Optional.of(version)
                : Optional.empty();
    }
}
