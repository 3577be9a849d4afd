package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test code: the real ZIP readers the writer's output must satisfy, Info-ZIP's unzip and Python's zipfile. */
final class ZipReaders {

    /** What a tool printed (standard output and error together) and how it exited. */
    record Result(int exitCode, String output) {}

    private ZipReaders() {}

    /** Runs a tool to completion within {@code timeoutSeconds}; a missing tool fails the test with how to install it. */
    static Result run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            builder.environment().put("LC_ALL", "C.UTF-8");
            process = builder.start();
        } catch (IOException e) {
            return fail(command[0] + " not found: these tests read the archives with Info-ZIP's unzip and Python 3"
                    + " (apt-get install unzip python3)");
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** {@code unzip -t}: tests every entry's CRC-32; exit 0 when all are right. */
    static Result unzipTest(Path zip, long timeoutSeconds) throws IOException, InterruptedException {
        return run(timeoutSeconds, "unzip", "-t", zip.toString());
    }

    /**
     * Python's zipfile: one line per entry, {@code name<TAB>size<TAB>crc (8 hex)<TAB>Y-M-D h:m:s}, then
     * {@code testzip <the first bad entry's name, or None>} (testzip reads every entry and checks its CRC-32).
     */
    static List<String> pythonListing(Path zip, long timeoutSeconds) throws IOException, InterruptedException {
        String script = """
                import sys, zipfile
                with zipfile.ZipFile(sys.argv[1]) as z:
                    for i in z.infolist():
                        print('%s\\t%d\\t%08x\\t%04d-%02d-%02d %02d:%02d:%02d' % ((i.filename, i.file_size, i.CRC) + i.date_time))
                    print('testzip', z.testzip())
                """;
        Result result = run(timeoutSeconds, "python3", "-c", script, zip.toString());
        if (result.exitCode() != 0) {
            fail("python3 zipfile could not read " + zip + ":\n" + result.output());
        }
        return new ArrayList<>(result.output().lines().toList());
    }
}
