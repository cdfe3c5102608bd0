package org.crisisdesk.discord;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.answer.Answer;

/**
 * Recent answers by a short random key, so their buttons, and replies to them, can find the answer they belong to.
 * An answer is too big for a button's 100-character id; the oldest are forgotten past {@code capacity}.
 */
final class AnswerStore {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    /**
     * An answer and what its buttons need: whether it was asked privately, who asked, when, who has voted (each
     * person's vote counts once), and the questions an abstention offers to ask instead.
     */
    private record Entry(Answer answer, boolean askedPrivately, long asker, Instant at, Set<Long> voters,
                         List<String> alternatives) {
    }

    private final Map<String, Entry> answers;

    AnswerStore(int capacity, Clock clock) {
        this.clock = clock;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    AnswerStore(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    synchronized String put(Answer answer) {
        return put(answer, false, 0, List.of());
    }

    /** Keeps {@code answer} under a new key with what its buttons will need. */
    synchronized String put(Answer answer, boolean askedPrivately, long asker, List<String> alternatives) {
        String key;
        do {
            StringBuilder text = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            key = text.toString();
        } while (answers.containsKey(key));
        answers.put(key, new Entry(answer, askedPrivately, asker, clock.instant(), new HashSet<>(),
                List.copyOf(alternatives)));
        return key;
    }

    synchronized Optional<Answer> get(String key) {
        return Optional.ofNullable(answers.get(key)).map(Entry::answer);
    }

    /** The answer under {@code key} if it was given within {@code window}: a conversation's limited time. */
    synchronized Optional<Answer> recent(String key, Duration window) {
        Entry entry = answers.get(key);
        if (entry == null || entry.at().plus(window).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.answer());
    }

    /** The {@code index}-th question the abstention under {@code key} offered. */
    synchronized Optional<String> alternative(String key, int index) {
        Entry entry = answers.get(key);
        return entry == null || index >= entry.alternatives().size() ? Optional.empty()
                : Optional.of(entry.alternatives().get(index));
    }

    /** Whether the answer's question was asked privately (false when the answer is forgotten). */
    synchronized boolean askedPrivately(String key) {
        Entry entry = answers.get(key);
        return entry != null && entry.askedPrivately();
    }

    /** Records that {@code user} voted on the answer; false when they already had (or the answer is forgotten). */
    synchronized boolean firstVote(String key, long user) {
        Entry entry = answers.get(key);
        return entry != null && entry.voters().add(user);
    }
}
