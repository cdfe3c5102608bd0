package org.crisisdesk.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.junit.jupiter.api.Test;

class ChannelLimitTest {

    /** A clock the test moves by hand: no sleeping. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsTheLimitPerSlidingMinuteThenSaysHowLongToWait() {
        ManualClock clock = new ManualClock();
        ChannelLimit limit = new ChannelLimit(3, clock);
        assertEquals(Optional.empty(), limit.tryAcquire(1));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), limit.tryAcquire(1));
        assertEquals(Optional.empty(), limit.tryAcquire(1));
        assertEquals(Optional.of(Duration.ofSeconds(50)), limit.tryAcquire(1), "the first question leaves at 60 s");
        assertEquals(Optional.empty(), limit.tryAcquire(2), "other channels are not affected");
        clock.advance(Duration.ofSeconds(49));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limit.tryAcquire(1), "refusals are not counted");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), limit.tryAcquire(1), "a minute after the first, one more fits");
        assertEquals(Optional.of(Duration.ofSeconds(10)), limit.tryAcquire(1));
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.tryAcquire(1), "a quiet channel starts afresh");
        }
    }

    @Test
    void zeroTurnsItOffAndNegativeIsRefused() {
        ChannelLimit off = new ChannelLimit(0, new ManualClock());
        assertFalse(off.enabled());
        for (int i = 0; i < 1000; i++) {
            assertEquals(Optional.empty(), off.tryAcquire(1));
        }
        assertTrue(new ChannelLimit(1, new ManualClock()).enabled());
        assertThrows(IllegalArgumentException.class, () -> new ChannelLimit(-1, new ManualClock()));
    }

    @Test
    void manyQuietChannelsAreForgotten() {
        ManualClock clock = new ManualClock();
        ChannelLimit limit = new ChannelLimit(1, clock);
        for (long channel = 0; channel < 10_001; channel++) {
            limit.tryAcquire(channel);
        }
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), limit.tryAcquire(20_000));
        assertEquals(Optional.empty(), limit.tryAcquire(0), "its earlier question no longer counts");
    }

    private static final org.crisisdesk.i18n.Texts ENGLISH =
            org.crisisdesk.i18n.Texts.of(org.crisisdesk.index.Language.EN);

    @Test
    void theRefusalIsFriendlyAndPrivate() {
        var view = new NoticeRenderer().channelBusy(ENGLISH, Duration.ofMillis(41_200));
        assertTrue(view.ephemeral());
        assertEquals("This channel has had a lot of questions in the last minute; please try again in 42 seconds.",
                view.content());
        assertTrue(new NoticeRenderer().channelBusy(ENGLISH, Duration.ofMillis(300)).content()
                .contains("1 second."));
    }
}
