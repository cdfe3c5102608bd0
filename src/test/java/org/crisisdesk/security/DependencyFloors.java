package org.crisisdesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The oldest acceptable version of each dependency (or "absent" for one that must not be there), as kept in
 * {@code src/test/resources/security/minimum-versions.txt}, and what a class path breaks of them.
 */
record DependencyFloors(List<Floor> floors) {

    static final String ABSENT = "absent";

    /** {@code minimum} is empty when the artifact must be absent. */
    record Floor(String group, String artifact, Optional<String> minimum, String why) {
        String key() {
            return group + ":" + artifact;
        }
    }

    DependencyFloors {
        floors = List.copyOf(floors);
    }

    /** Lines of {@code group:artifact minimum-or-absent why…}; '#' starts a comment line. */
    static DependencyFloors parse(String text) {
        List<Floor> floors = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] parts = content.split("\\s+", 3);
            String[] coordinates = parts[0].split(":");
            if (parts.length < 3 || coordinates.length != 2) {
                throw new IllegalArgumentException("line " + number + ": expected 'group:artifact minimum why', got '"
                        + content + "'");
            }
            Optional<String> minimum = parts[1].equals(ABSENT) ? Optional.empty() : Optional.of(parts[1]);
            floors.add(new Floor(coordinates[0], coordinates[1], minimum, parts[2]));
        }
        return new DependencyFloors(floors);
    }

    /** One line per broken floor, empty when the class path keeps them all. */
    List<String> violations(Classpath classpath) {
        List<String> violations = new ArrayList<>();
        for (Floor floor : floors) {
            List<String> versions = classpath.versionsOf(floor.group(), floor.artifact());
            if (floor.minimum().isEmpty()) {
                if (!versions.isEmpty()) {
                    violations.add(floor.key() + " " + versions + " must not be on the class path (" + floor.why()
                            + ")");
                }
                continue;
            }
            String minimum = floor.minimum().get();
            if (versions.isEmpty()) {
                violations.add(floor.key() + " is not on the class path: update minimum-versions.txt if it was"
                        + " removed or renamed, so its floor is not silently unchecked");
            }
            for (String version : versions) {
                if (MavenVersion.compare(version, minimum) < 0) {
                    violations.add(floor.key() + " " + version + " is below the minimum " + minimum + " ("
                            + floor.why() + ")");
                }
            }
        }
        return violations;
    }
}
