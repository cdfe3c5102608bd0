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
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crisisdesk.i18n.Texts;

/**
 * A picture of a timeline, drawn in-process with Java2D: every event of the range as a dot on a time axis,
 * coloured by its topic, dots of one date stacked; the page's events larger and outlined on a lighter band, so a
 * reader sees where the page sits in the whole period. Colours are the Okabe–Ito palette, told apart by readers
 * with the common colour-vision deficiencies.
 */
public final class TimelinePicture {

    private static final Logger LOG = LoggerFactory.getLogger(TimelinePicture.class);

    public static final int WIDTH = 800;
    /** The tallest picture: eleven dots stacked on one date; fewer make it shorter. */
    public static final int HEIGHT = 330;
    public static final String FILE = "timeline.png";

    static final Color BACKGROUND = new Color(0x2B2D31);
    static final Color AXIS = new Color(0xB5BAC1);
    static final Color PAGE_BAND = new Color(255, 255, 255, 28);
    static final Color OTHER = new Color(0x8A8F98);
    static final List<Color> PALETTE = List.of(new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
            new Color(0xF0E442), new Color(0xCC79A7), new Color(0xD55E00));

    private static final int LEFT = 24;
    private static final int RIGHT = WIDTH - 24;
    private static final int AXIS_Y = 230;
    private static final int DOT = 5;
    private static final int PAGE_DOT = 8;
    private static final int STACK = 11;
    private static final int MAX_STACK = 11;
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 17);

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

    /** Drawn on a canvas of the greatest height, then cut down to the dots' stack: no empty band on top. */
    BufferedImage image(List<TimelineEvent> all, int pageStart, int pageEnd, Texts texts) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int cropTop;
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

            // Where every dot goes: by date, dots of one column stacked upwards.
            Map<Integer, Integer> stacked = new HashMap<>();
            int[][] dots = new int[all.size()][];
            int top = AXIS_Y;
            for (int i = 0; i < all.size(); i++) {
                int x = x(all.get(i).date().start().toEpochDay(), min, max);
                int level = Math.min(MAX_STACK, stacked.merge(x / (DOT * 2), 1, Integer::sum) - 1);
                dots[i] = new int[] {x, AXIS_Y - 10 - level * STACK};
                top = Math.min(top, dots[i][1]);
            }
            cropTop = Math.max(0, top - 28);
            int firstOnPage = Math.min(pageStart, all.size() - 1);
            int lastOnPage = Math.max(firstOnPage, Math.min(pageEnd, all.size()) - 1);
            g.setColor(PAGE_BAND);
            g.fillRoundRect(dots[firstOnPage][0] - 12, top - 16, dots[lastOnPage][0] - dots[firstOnPage][0] + 24,
                    AXIS_Y - top + 20, 10, 10);

            g.setColor(AXIS);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(LEFT, AXIS_Y, RIGHT, AXIS_Y);
            ticks(g, min, max, texts);

            List<int[]> pageDots = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i >= pageStart && i < pageEnd) {
                    pageDots.add(new int[] {dots[i][0], dots[i][1], i});
                } else {
                    g.setColor(colour(all.get(i), coloured));
                    g.fillOval(dots[i][0] - DOT, dots[i][1] - DOT, DOT * 2, DOT * 2);
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
        return image.getSubimage(0, cropTop, WIDTH, HEIGHT - cropTop);
    }

    private static int x(long day, long min, long max) {
        return LEFT + (int) Math.round((double) (day - min) * (RIGHT - LEFT) / Math.max(1, max - min));
    }

    /** Year ticks, or month ticks within a year or two; as many labels as fit without touching. */
    private static void ticks(Graphics2D g, long min, long max, Texts texts) {
        g.setFont(LABELS);
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
        List<String> labels = marks.stream().map(at -> months
                ? texts.shortDate(new PartialDate(at.getYear(), at.getMonthValue(), 0, PartialDate.Precision.MONTH))
                : Integer.toString(at.getYear())).toList();
        int widest = labels.stream().mapToInt(metrics::stringWidth).max().orElse(0) + 16;
        int step = 1;
        while (marks.size() > step && (double) (RIGHT - LEFT) * step / marks.size() < widest) {
            step++;
        }
        for (int i = 0; i < marks.size(); i += step) {
            int x = x(marks.get(i).toEpochDay(), min, max);
            g.setColor(AXIS);
            g.drawLine(x, AXIS_Y, x, AXIS_Y + 6);
            g.drawString(labels.get(i), x - metrics.stringWidth(labels.get(i)) / 2, AXIS_Y + 26);
        }
    }

    private static void legend(Graphics2D g, List<String> coloured, boolean other, Texts texts) {
        g.setFont(LABELS);
        FontMetrics metrics = g.getFontMetrics();
        int x = LEFT;
        int y = AXIS_Y + 62;
        List<String> labels = new ArrayList<>(coloured);
        if (other) {
            labels.add(texts.get("timeline.other"));
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i).length() > 28 ? labels.get(i).substring(0, 27) + "…" : labels.get(i);
            int width = 20 + metrics.stringWidth(label) + 22;
            if (x + width > RIGHT) {
                x = LEFT;
                y += 26;
                if (y > HEIGHT - 6) {
                    return;
                }
            }
            g.setColor(i < coloured.size() ? PALETTE.get(i) : OTHER);
            g.fillOval(x, y - 13, 13, 13);
            g.setColor(AXIS);
            g.drawString(label, x + 20, y);
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
