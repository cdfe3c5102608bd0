package org.crisisdesk.discord.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.crisisdesk.timeline.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A picture of a timeline, drawn in-process with Java2D: every event of the range as a dot on a time axis,
 * coloured by its topic, dots of one date stacked; the page's events larger and outlined on a lighter band, so a
 * reader sees where the page sits in the whole period. Colours are the Okabe–Ito palette, told apart by readers
 * with the common colour-vision deficiencies.
 */
public final class TimelinePicture {

    private static final Logger LOG = LoggerFactory.getLogger(TimelinePicture.class);

    public static final int WIDTH = 800;
    public static final int HEIGHT = 230;
    public static final String FILE = "timeline.png";

    static final Color BACKGROUND = new Color(0x2B2D31);
    static final Color AXIS = new Color(0xB5BAC1);
    static final Color PAGE_BAND = new Color(255, 255, 255, 28);
    static final Color OTHER = new Color(0x8A8F98);
    static final List<Color> PALETTE = List.of(new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
            new Color(0xF0E442), new Color(0xCC79A7), new Color(0xD55E00));

    private static final int LEFT = 24;
    private static final int RIGHT = WIDTH - 24;
    private static final int AXIS_Y = 140;
    private static final int DOT = 4;
    private static final int PAGE_DOT = 6;
    private static final int STACK = 9;
    private static final int MAX_STACK = 11;

    /** The picture of {@code all} with events {@code [pageStart, pageEnd)} marked; empty if it cannot be drawn. */
    public Optional<EmbedView.Picture> draw(List<TimelineEvent> all, int pageStart, int pageEnd, Texts texts) {
        if (all.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmbedView.Picture(FILE, png(image(all, pageStart, pageEnd, texts))));
        } catch (IOException | RuntimeException | Error e) {
            // A host without fonts (a bare JRE image) cannot draw text; the timeline is complete without it.
            LOG.warn("the timeline picture could not be drawn: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The topics that get a colour, most frequent first (at most the palette's size); the rest are "other". */
    static List<String> colouredTopics(List<TimelineEvent> all) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TimelineEvent event : all) {
            event.topics().stream().findFirst().ifPresent(t -> counts.merge(t, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(PALETTE.size()).map(Map.Entry::getKey).toList();
    }

    static Color colour(TimelineEvent event, List<String> coloured) {
        int index = event.topics().isEmpty() ? -1 : coloured.indexOf(event.topics().get(0));
        return index < 0 ? OTHER : PALETTE.get(index);
    }

    BufferedImage image(List<TimelineEvent> all, int pageStart, int pageEnd, Texts texts) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            LocalDate first = all.get(0).date().start();
            LocalDate last = all.stream().map(e -> e.date().end()).max(LocalDate::compareTo).orElse(first);
            // A little room either side, and at least a month, so one event is not drawn on the frame.
            long span = Math.max(30, last.toEpochDay() - first.toEpochDay());
            long min = first.toEpochDay() - span / 40 - 1;
            long max = last.toEpochDay() + span / 40 + 1;
            List<String> coloured = colouredTopics(all);

            int bandLeft = x(all.get(Math.min(pageStart, all.size() - 1)).date().start().toEpochDay(), min, max);
            int bandRight = x(all.get(Math.max(pageStart, pageEnd - 1)).date().start().toEpochDay(), min, max);
            g.setColor(PAGE_BAND);
            g.fillRoundRect(bandLeft - 10, 8, bandRight - bandLeft + 20, AXIS_Y - 2, 8, 8);

            g.setColor(AXIS);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(LEFT, AXIS_Y, RIGHT, AXIS_Y);
            ticks(g, min, max);

            Map<Integer, Integer> stacked = new HashMap<>();
            List<int[]> pageDots = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                TimelineEvent event = all.get(i);
                int x = x(event.date().start().toEpochDay(), min, max);
                int column = x / (DOT * 2);
                int level = Math.min(MAX_STACK, stacked.merge(column, 1, Integer::sum) - 1);
                int y = AXIS_Y - 10 - level * STACK;
                if (i >= pageStart && i < pageEnd) {
                    pageDots.add(new int[] {x, y, i});
                } else {
                    g.setColor(colour(event, coloured));
                    g.fillOval(x - DOT, y - DOT, DOT * 2, DOT * 2);
                }
            }
            // The page's dots last, on top, larger and outlined.
            g.setStroke(new BasicStroke(1.5f));
            for (int[] dot : pageDots) {
                g.setColor(colour(all.get(dot[2]), coloured));
                g.fillOval(dot[0] - PAGE_DOT, dot[1] - PAGE_DOT, PAGE_DOT * 2, PAGE_DOT * 2);
                g.setColor(Color.WHITE);
                g.drawOval(dot[0] - PAGE_DOT, dot[1] - PAGE_DOT, PAGE_DOT * 2, PAGE_DOT * 2);
            }
            legend(g, coloured, all.stream().anyMatch(e -> colour(e, coloured) == OTHER), texts);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int x(long day, long min, long max) {
        return LEFT + (int) Math.round((double) (day - min) * (RIGHT - LEFT) / Math.max(1, max - min));
    }

    /** Year ticks, or month ticks within a year or two; labels at least 48 px apart. */
    private static void ticks(Graphics2D g, long min, long max) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        LocalDate start = LocalDate.ofEpochDay(min);
        LocalDate end = LocalDate.ofEpochDay(max);
        boolean months = end.getYear() - start.getYear() < 2;
        List<LocalDate> marks = new ArrayList<>();
        LocalDate mark = months ? start.withDayOfMonth(1).plusMonths(1) : LocalDate.of(start.getYear() + 1, 1, 1);
        while (!mark.isAfter(end)) {
            marks.add(mark);
            mark = months ? mark.plusMonths(1) : mark.plusYears(1);
        }
        int step = 1;
        while (marks.size() / step > 0 && (RIGHT - LEFT) / Math.max(1, marks.size() / step) < 48) {
            step++;
        }
        for (int i = 0; i < marks.size(); i += step) {
            LocalDate at = marks.get(i);
            int x = x(at.toEpochDay(), min, max);
            g.setColor(AXIS);
            g.drawLine(x, AXIS_Y, x, AXIS_Y + 6);
            String label = months ? String.format(Locale.ROOT, "%d-%02d", at.getYear(), at.getMonthValue())
                    : Integer.toString(at.getYear());
            g.drawString(label, x - metrics.stringWidth(label) / 2, AXIS_Y + 20);
        }
    }

    private static void legend(Graphics2D g, List<String> coloured, boolean other, Texts texts) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        int x = LEFT;
        int y = AXIS_Y + 50;
        List<String> labels = new ArrayList<>(coloured);
        if (other) {
            labels.add(texts.get("timeline.other"));
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i).length() > 28 ? labels.get(i).substring(0, 27) + "…" : labels.get(i);
            int width = 16 + metrics.stringWidth(label) + 18;
            if (x + width > RIGHT) {
                x = LEFT;
                y += 20;
                if (y > HEIGHT - 6) {
                    return;
                }
            }
            g.setColor(i < coloured.size() ? PALETTE.get(i) : OTHER);
            g.fillOval(x, y - 10, 10, 10);
            g.setColor(AXIS);
            g.drawString(label, x + 16, y);
            x += width;
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
