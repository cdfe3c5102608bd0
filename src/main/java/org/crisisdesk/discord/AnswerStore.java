package org.crisisdesk.discord;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.answer.Answer;

/**
 * Recent answers by a short random key, so "More" and the vote buttons can find the answer they belong to. An
 * answer is too big for a button's 100-character id; the oldest are forgotten past {@code capacity}.
 */
final class AnswerStore {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    /** An answer, whether it was asked privately, and who has voted on it, so each person's vote counts once. */
    private record Entry(Answer answer, boolean askedPrivately, Set<Long> voters) {
    }

    private final Map<String, Entry> answers;

    AnswerStore(int capacity) {
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized String put(Answer answer) {
        return put(answer, false);
    }

    /** Keeps {@code answer} under a new key, remembering whether its question was asked privately. */
    synchronized String put(Answer answer, boolean askedPrivately) {
        String key;
        do {
            StringBuilder text = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            key = text.toString();
        } while (answers.containsKey(key));
        answers.put(key, new Entry(answer, askedPrivately, new HashSet<>()));
        return key;
    }

    synchronized Optional<Answer> get(String key) {
        return Optional.ofNullable(answers.get(key)).map(Entry::answer);
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
