package org.crisisdesk.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.crisisdesk.i18n.Texts;

/** The timeline picture: a PNG of the right size, each topic in its colour, the page's events marked. */
class TimelinePictureTest {

    private static final List<String> TOPICS = List.of("2020 coup", "protests", "ECOWAS", "elections");

    private static List<TimelineEvent> events() {
        return IntStream.range(0, 40).mapToObj(i -> new TimelineEvent("e" + i,
                PartialDate.parse(String.format("%d-%02d-15", 2019 + i / 12, 1 + i % 12)).orElseThrow(),
                "Event " + i, List.of(TOPICS.get(i % TOPICS.size())), Optional.empty(),
                List.of(new Citation(1, "s", "t", "p", "2020", "https://x.org")))).toList();
    }

    private static long count(BufferedImage image, java.util.function.IntPredicate rgb, int x0, int x1) {
        long n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (rgb.test(image.getRGB(x, y) & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aPngOfEveryEventColouredByTopicWithThePageMarked() throws Exception {
        List<TimelineEvent> events = events();
        EmbedView.Picture picture = new TimelinePicture().draw(events, 10, 20, Texts.of(Language.EN)).orElseThrow();
        assertEquals(TimelinePicture.FILE, picture.name());
        assertTrue(picture.png().length > 2_000 && picture.png().length < 200_000, "size " + picture.png().length);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertEquals(TimelinePicture.WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 100 && image.getHeight() <= TimelinePicture.HEIGHT, "height " + image.getHeight());
        // Each of the four topics is a palette colour, in order of frequency (all equal here: first seen first).
        assertEquals(TOPICS, TimelinePicture.colouredTopics(events));
        for (int i = 0; i < TOPICS.size(); i++) {
            int colour = TimelinePicture.PALETTE.get(i).getRGB() & 0xFFFFFF;
            assertTrue(count(image, rgb -> rgb == colour, 0, image.getWidth()) > 50, "topic " + TOPICS.get(i));
        }
        // The page's events (the second year) are outlined in white; the events before them are not.
        int pageStart = x(events, 10);
        int pageEnd = x(events, 19);
        long outlineOnPage = count(image, rgb -> rgb == 0xFFFFFF, pageStart - 8, pageEnd + 8);
        long outlineBefore = count(image, rgb -> rgb == 0xFFFFFF, 24, pageStart - 20);
        assertTrue(outlineOnPage > 100, "page outlined: " + outlineOnPage);
        assertTrue(outlineBefore < 10, "nothing outlined before the page: " + outlineBefore);
        // The band behind the page is lighter than the background outside it.
        Color band = new Color(image.getRGB((pageStart + pageEnd) / 2 + 5, 16));
        Color outside = new Color(image.getRGB(30, 16));
        assertTrue(band.getRed() > outside.getRed(), band + " vs " + outside);
        String keep = System.getProperty("crisisdesk.picture");
        if (keep != null) {
            Files.write(Path.of(keep), picture.png());
        }
    }

    /** Where the picture puts event {@code i}: the same scale as {@link TimelinePicture}. */
    private static int x(List<TimelineEvent> events, int i) {
        long first = events.get(0).date().start().toEpochDay();
        long last = events.get(events.size() - 1).date().end().toEpochDay();
        long span = Math.max(30, last - first);
        long min = first - span / 40 - 1;
        long max = last + span / 40 + 1;
        return 24 + (int) Math.round((double) (events.get(i).date().start().toEpochDay() - min) * (800 - 48)
                / (max - min));
    }

    @Test
    void noEventsNoPicture() {
        assertTrue(new TimelinePicture().draw(List.of(), 0, 0, Texts.of(Language.FR)).isEmpty());
    }
}
