package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The ingest bench's table (appended to docs/BENCHMARKS.md) and its scaling plot (docs/ingest-scaling.png). */
final class IngestReport {

    private IngestReport() {}

    static void write(List<IngestBench.Result> results, int seconds) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(
                "| cameras | Vigil CPU %/camera | Vigil + its store CPU %/camera | ffmpeg CPU %/camera | ratio (with store) "
                        + "| Vigil RSS MiB/camera (store) | ffmpeg RSS MiB/camera | ratio | segments Vigil / ffmpeg | missing Vigil / ffmpeg |");
        lines.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        XYSeries vigilCpu = new XYSeries("Vigil CPU % of a core (with its store)");
        XYSeries ffmpegCpu = new XYSeries("ffmpeg -c copy CPU % of a core");
        XYSeries vigilRss = new XYSeries("Vigil RSS MiB (with its store)");
        XYSeries ffmpegRss = new XYSeries("ffmpeg RSS MiB");
        List<Double> delays = new ArrayList<>();
        for (IngestBench.Result r : results) {
            int n = r.cameras();
            double vigil = 100 * r.vigilCpu() / r.seconds() / n;
            double withStore = 100 * (r.vigilCpu() + r.storeCpu()) / r.seconds() / n;
            double ffmpeg = 100 * r.ffmpegCpu() / r.ffmpegSeconds() / n;
            double vigilMem = (r.vigilRssMib() + r.storeRssMib()) / n;
            double ffmpegMem = r.ffmpegRssMib() / n;
            lines.add(String.format(
                    "| %d | %.2f | %.2f | %.2f | %.2f× | %.1f (%.1f) | %.1f | %.2f× | %d / %d | %d / %d |",
                    n,
                    vigil,
                    withStore,
                    ffmpeg,
                    withStore / ffmpeg,
                    vigilMem,
                    r.storeRssMib() / n,
                    ffmpegMem,
                    vigilMem / ffmpegMem,
                    r.vigilSegments(),
                    r.ffmpegSegments(),
                    r.vigilMissing(),
                    r.ffmpegMissing()));
            vigilCpu.add(n, withStore * n);
            ffmpegCpu.add(n, ffmpeg * n);
            vigilRss.add(n, r.vigilRssMib() + r.storeRssMib());
            ffmpegRss.add(n, r.ffmpegRssMib());
            delays.addAll(r.listingDelayMillis());
        }
        if (!delays.isEmpty()) {
            List<Double> sorted = delays.stream().sorted().toList();
            lines.add("");
            lines.add(String.format(
                    "Live listing delay (one camera, %d segments, from the capture time of a segment's last frame "
                            + "to its first appearance in live.m3u8, polled every 100 ms): p50 %.0f ms, p95 %.0f ms, max %.0f ms.",
                    sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1)));
        }
        lines.add("");
        lines.add("Plot: [ingest-scaling.png](ingest-scaling.png).");
        BenchService.report(
                "Ingest",
                "Each camera 1080p25 H.264 at 4 Mbit/s, 2 s GOP, from one gst-rtsp-server (its CPU "
                        + "excluded); " + seconds
                        + " s measured after a 10 s settle. Vigil runs as its own process with the object "
                        + "store (the s3proxy it embeds) in another, so the two are measured apart; ffmpeg runs one "
                        + "`-rtsp_transport tcp -c copy -f hls -hls_segment_type fmp4 -hls_time 2` process per camera to local disk. "
                        + "CPU from /proc utime+stime over the window; RSS at its end. Missing: whole 2 s segments expected in the "
                        + "window less those written, plus holes in the sequence numbers.",
                lines);
        plot(vigilCpu, ffmpegCpu, vigilRss, ffmpegRss);
    }

    private static void plot(XYSeries vigilCpu, XYSeries ffmpegCpu, XYSeries vigilRss, XYSeries ffmpegRss)
            throws Exception {
        XYSeriesCollection cpu = new XYSeriesCollection();
        cpu.addSeries(vigilCpu);
        cpu.addSeries(ffmpegCpu);
        XYSeriesCollection rss = new XYSeriesCollection();
        rss.addSeries(vigilRss);
        rss.addSeries(ffmpegRss);
        JFreeChart cpuChart = ChartFactory.createXYLineChart(
                "Ingest CPU (whole recorder)",
                "cameras",
                "% of one core",
                cpu,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        JFreeChart rssChart = ChartFactory.createXYLineChart(
                "Ingest memory (whole recorder)",
                "cameras",
                "resident MiB",
                rss,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        Path docs = Path.of(System.getProperty("bench.report", "../docs/BENCHMARKS.md"))
                .toAbsolutePath()
                .getParent();
        Files.createDirectories(docs);
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(1400, 500, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        cpuChart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 700, 500));
        rssChart.draw(g, new java.awt.geom.Rectangle2D.Double(700, 0, 700, 500));
        g.dispose();
        javax.imageio.ImageIO.write(
                image, "png", docs.resolve("ingest-scaling.png").toFile());
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
