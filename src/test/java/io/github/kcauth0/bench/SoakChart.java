package io.github.kcauth0.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The soak's heap after full collections per slice, one line per mode and endpoint, drawn headless with java.awt;
 * an earlier run's lines (its CSV) dashed beside this run's, to show a change.
 */
public final class SoakChart {

    record Point(String label, String mode, String endpoint, int slice, double acceptedPerSecond, double p99Millis,
            long heapMegabytes, long entries) {

        String series() {
            return label + ", " + mode + ", " + endpoint;
        }
    }

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 640;
    private static final int LEFT = 70;
    private static final int RIGHT = 330;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Map<String, Color> COLORS = Map.of(
            "dev extension", new Color(0x1f77b4), "dev Keycloak", new Color(0xff7f0e),
            "prod extension", new Color(0x2ca02c), "prod Keycloak", new Color(0xd62728),
            "prod-local extension", new Color(0x9467bd), "prod-local Keycloak", new Color(0x8c564b));

    private SoakChart() {
    }

    /**
     * Draws the picture again from runs' CSVs: {@code SoakChart out.png slices-per-load this.csv [earlier.csv]}, e.g.
     * to put two soak runs made at the same time side by side.
     */
    public static void main(String[] args) throws IOException {
        draw(Path.of(args[0]), readCsv(Path.of(args[2])), args.length > 3 ? readCsv(Path.of(args[3])) : List.of(),
                Integer.parseInt(args[1]));
    }

    static void writeCsv(Path file, List<Point> points) throws IOException {
        StringBuilder csv = new StringBuilder("label,mode,endpoint,slice,accepted_per_s,p99_ms,heap_mb,entries\n");
        for (Point p : points) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.0f,%.0f,%d,%d%n", p.label().replace(',', ' '), p.mode(),
                    p.endpoint(), p.slice(), p.acceptedPerSecond(), p.p99Millis(), p.heapMegabytes(), p.entries()));
        }
        Files.writeString(file, csv);
    }

    static List<Point> readCsv(Path file) throws IOException {
        List<Point> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            points.add(new Point(f[0], f[1], f[2], Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])));
        }
        return points;
    }

    /** This run's lines solid, the earlier run's dashed; the steady slices left of the divider, full speed right. */
    static void draw(Path file, List<Point> current, List<Point> earlier, int slicesPerLoad) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Point> all = new ArrayList<>(current);
        all.addAll(earlier);
        int maxSlice = all.stream().mapToInt(Point::slice).max().orElse(1);
        long maxHeap = Math.max(100, all.stream().mapToLong(Point::heapMegabytes).max().orElse(100));
        long yTop = (maxHeap / 100 + 1) * 100;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString("Heap after full GC per slice (MB): pushes nobody redeems, PAR lifespan of a few seconds", LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (long mb = 0; mb <= yTop; mb += 100) {
            int y = TOP + plotHeight - (int) (plotHeight * mb / yTop);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.valueOf(mb), LEFT - 40, y + 4);
        }
        for (int slice = 1; slice <= maxSlice; slice++) {
            g.drawString(String.valueOf(slice), x(slice, maxSlice, plotWidth) - 4, TOP + plotHeight + 18);
        }
        int divider = (x(slicesPerLoad, maxSlice, plotWidth) + x(slicesPerLoad + 1, maxSlice, plotWidth)) / 2;
        g.setColor(Color.GRAY);
        g.drawLine(divider, TOP, divider, TOP + plotHeight);
        g.drawString("steady rate", LEFT + 5, TOP + 14);
        g.drawString("full speed", divider + 5, TOP + 14);
        g.drawString("slice", LEFT + plotWidth / 2, HEIGHT - 20);
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);

        int legendY = TOP + 10;
        for (List<Point> run : List.of(current, earlier)) {
            Map<String, List<Point>> series = new LinkedHashMap<>();
            run.forEach(p -> series.computeIfAbsent(p.series(), key -> new ArrayList<>()).add(p));
            for (Map.Entry<String, List<Point>> line : series.entrySet()) {
                Point first = line.getValue().get(0);
                g.setColor(COLORS.getOrDefault(first.mode() + " " + first.endpoint(), Color.BLACK));
                g.setStroke(run == current ? new BasicStroke(2.5f)
                        : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 5}, 0));
                int previousX = -1;
                int previousY = -1;
                for (Point p : line.getValue()) {
                    int px = x(p.slice(), maxSlice, plotWidth);
                    int py = TOP + plotHeight - (int) (plotHeight * p.heapMegabytes() / yTop);
                    g.fillOval(px - 3, py - 3, 6, 6);
                    if (previousX >= 0 && p.slice() != slicesPerLoad + 1) {
                        g.drawLine(previousX, previousY, px, py);
                    }
                    previousX = px;
                    previousY = py;
                }
                g.drawLine(LEFT + plotWidth + 15, legendY, LEFT + plotWidth + 45, legendY);
                g.drawString(line.getKey(), LEFT + plotWidth + 52, legendY + 4);
                legendY += 20;
            }
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static int x(int slice, int maxSlice, int plotWidth) {
        return LEFT + 20 + (plotWidth - 40) * (slice - 1) / Math.max(1, maxSlice - 1);
    }
}
