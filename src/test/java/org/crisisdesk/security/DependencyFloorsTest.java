package org.crisisdesk.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No dependency below the known-fixed versions in {@code security/minimum-versions.txt}: the test class path has
 * the versions Maven resolved for the build, the same ones the shade plugin puts in {@code crisisdesk.jar}.
 */
class DependencyFloorsTest {

    private static DependencyFloors shippedFloors() throws IOException {
        try (InputStream in = DependencyFloorsTest.class.getResourceAsStream("/security/minimum-versions.txt")) {
            if (in == null) {
                throw new IOException("security/minimum-versions.txt is not on the test class path");
            }
            return DependencyFloors.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyResolvedDependencyIsAtOrAboveItsKnownFixedVersion() throws IOException {
        DependencyFloors floors = shippedFloors();
        Classpath classpath = Classpath.ofThisJvm();
        assertTrue(floors.floors().size() >= 10, "the floors file was read: " + floors.floors());
        List<String> violations = floors.violations(classpath);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void bothWaysOfFindingAVersionWork() throws IOException {
        Classpath classpath = Classpath.ofThisJvm();
        // Jackson describes itself in pom.properties; Kotlin's stdlib is built by Gradle and has none.
        assertEquals(1, classpath.versionsOf("com.fasterxml.jackson.core", "jackson-databind").size(),
                classpath.described().toString());
        assertEquals(1, classpath.versionsOf("org.jetbrains.kotlin", "kotlin-stdlib").size(),
                classpath.jars().toString());
    }

    @Test
    void aVersionBelowItsFloorAnAbsentArtifactPresentAndAMissingOneAreEachReported(@TempDir Path dir)
            throws IOException {
        Path repository = dir.resolve("repository");
        Path oldDatabind = jar(repository, "com.fasterxml.jackson.core", "jackson-databind", "2.21.3", true);
        Path bouncyCastle = jar(repository, "org.bouncycastle", "bcprov-jdk15on", "1.60", false);
        Path newKotlin = jar(repository, "org.jetbrains.kotlin", "kotlin-stdlib", "2.4.21", false);
        Classpath classpath = Classpath.of(List.of(oldDatabind, bouncyCastle, newKotlin));
        assertEquals(List.of("2.21.3"), classpath.versionsOf("com.fasterxml.jackson.core", "jackson-databind"));

        DependencyFloors floors = DependencyFloors.parse("""
                # a comment
                com.fasterxml.jackson.core:jackson-databind 2.21.8 advisories
                org.jetbrains.kotlin:kotlin-stdlib 2.4.21 scanners
                org.bouncycastle:bcprov-jdk15on absent voice only
                ch.qos.logback:logback-classic 1.5.38 advisories
                """);
        List<String> violations = floors.violations(classpath);
        assertEquals(3, violations.size(), String.join("\n", violations));
        assertTrue(violations.get(0).startsWith("com.fasterxml.jackson.core:jackson-databind 2.21.3 is below the"
                + " minimum 2.21.8"), violations.get(0));
        assertTrue(violations.get(1).startsWith("org.bouncycastle:bcprov-jdk15on [1.60] must not be"), violations.get(1));
        assertTrue(violations.get(2).startsWith("ch.qos.logback:logback-classic is not on the class path"),
                violations.get(2));
    }

    @Test
    void malformedFloorLinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DependencyFloors.parse("jackson-databind 2.21.8 why"));
        assertThrows(IllegalArgumentException.class, () -> DependencyFloors.parse("a:b 1.0"));
    }

    @Test
    void versionsCompareAsMavenOrdersThem() {
        assertTrue(MavenVersion.compare("2.21.10", "2.21.8") > 0, "numbers, not text");
        assertTrue(MavenVersion.compare("2.21.3", "2.21.8") < 0);
        assertEquals(0, MavenVersion.compare("2.21", "2.21.0"));
        assertTrue(MavenVersion.compare("2.21", "2.21.1") < 0);
        assertTrue(MavenVersion.compare("1.5.38-rc1", "1.5.38") < 0, "a release candidate precedes its release");
        assertTrue(MavenVersion.compare("1.5.38-SNAPSHOT", "1.5.38") < 0);
        assertTrue(MavenVersion.compare("1.0-alpha", "1.0-beta") < 0);
        assertTrue(MavenVersion.compare("1.0-beta", "1.0-rc2") < 0);
        assertTrue(MavenVersion.compare("33.0.0-jre", "33.0.0") >= 0, "a variant is not older than its release");
        assertTrue(MavenVersion.compare("33.0.0-jre", "33.0.1") < 0);
        assertTrue(MavenVersion.compare("2.4.21", "1.9.10") > 0);
        assertEquals(0, MavenVersion.compare("1.5.38.Final", "1.5.38"));
    }

    /** A jar at its Maven repository path, with a pom.properties only when {@code describe}. */
    private static Path jar(Path repository, String group, String artifact, String version, boolean describe)
            throws IOException {
        Path folder = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(folder);
        Path jar = folder.resolve(artifact + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/"));
            out.closeEntry();
            if (describe) {
                out.putNextEntry(new JarEntry("META-INF/maven/" + group + "/" + artifact + "/pom.properties"));
                out.write(("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
