package io.vigil.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** docs/ingest-scaling.png: CPU and resident memory of each recorder (Vigil with its store) against cameras. */
final class IngestPlot {

    private IngestPlot() {}

    static void write(Map<String, List<Measured>> byColumn) throws Exception {
        XYSeriesCollection cpu = new XYSeriesCollection();
        XYSeriesCollection rss = new XYSeriesCollection();
        byColumn.forEach((column, runs) -> {
            XYSeries c = new XYSeries(column);
            XYSeries r = new XYSeries(column);
            for (Measured m : runs) {
                c.add(m.cameras(), m.cpuWithStorePerCamera() * m.cameras());
                r.add(m.cameras(), m.totalRssMib());
            }
            cpu.addSeries(c);
            rss.addSeries(r);
        });
        JFreeChart cpuChart = chart("Ingest CPU (whole recorder)", "% of one core", cpu);
        JFreeChart rssChart = chart("Ingest memory (whole recorder)", "resident MiB", rss);
        Path docs = Path.of(System.getProperty("bench.report", "../docs/BENCHMARKS.md"))
                .toAbsolutePath()
                .getParent();
        Files.createDirectories(docs);
        BufferedImage image = new BufferedImage(1400, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        cpuChart.draw(g, new Rectangle2D.Double(0, 0, 700, 500));
        rssChart.draw(g, new Rectangle2D.Double(700, 0, 700, 500));
        g.dispose();
        ImageIO.write(image, "png", docs.resolve("ingest-scaling.png").toFile());
    }

    private static JFreeChart chart(String title, String axis, XYSeriesCollection data) {
        return ChartFactory.createXYLineChart(
                title, "cameras", axis, data, PlotOrientation.VERTICAL, true, false, false);
    }
}
