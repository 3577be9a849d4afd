package io.vigil.kernel.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H2FilesTest {

    @Test
    void findsTheBaseNameOfAnEmbeddedFileDatabaseOnly() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(
                Optional.of(cwd.resolve("data/vigil")),
                H2Files.baseName("jdbc:h2:file:./data/vigil;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals(Optional.of(cwd.resolve("data/vigil")), H2Files.baseName("jdbc:h2:./data/vigil"));
        assertEquals(
                Optional.of(Path.of("/var/lib/vigil/index")), H2Files.baseName("JDBC:H2:FILE:/var/lib/vigil/index"));
        assertEquals(
                Optional.of(Path.of(System.getProperty("user.home"), "vigil")), H2Files.baseName("jdbc:h2:~/vigil"));
        assertEquals(Optional.empty(), H2Files.baseName("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), H2Files.baseName("jdbc:h2:tcp://db:9092/vigil"));
        assertEquals(Optional.empty(), H2Files.baseName("jdbc:postgresql://db:5432/vigil"));
        assertEquals(Optional.empty(), H2Files.baseName(null));
    }
}
