package org.crisisdesk.discord;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.answer.Answer;

/**
 * Recent answers by a short random key, so "More" and the vote buttons can find the answer they belong to. An
 * answer is too big for a button's 100-character id; the oldest are forgotten past {@code capacity}.
 */
final class AnswerStore {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Answer> answers;

    AnswerStore(int capacity) {
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized String put(Answer answer) {
        String key;
        do {
            StringBuilder text = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            key = text.toString();
        } while (answers.containsKey(key));
        answers.put(key, answer);
        return key;
    }

    synchronized Optional<Answer> get(String key) {
        return Optional.ofNullable(answers.get(key));
    }
}
