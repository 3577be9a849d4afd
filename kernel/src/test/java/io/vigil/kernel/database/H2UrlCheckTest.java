package io.vigil.kernel.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class H2UrlCheckTest {

    @Test
    void warnsOnlyForH2FilesThatCloseThemselvesAtExit() {
        assertTrue(H2UrlCheck.warning("jdbc:h2:file:./data/vigil").isPresent());
        assertTrue(H2UrlCheck.warning("jdbc:h2:file:./data/vigil;AUTO_SERVER=FALSE")
                .isPresent());
        assertFalse(H2UrlCheck.warning("jdbc:h2:file:./data/vigil;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE")
                .isPresent());
        assertFalse(H2UrlCheck.warning("jdbc:h2:file:/x;db_close_on_exit=false").isPresent());
        assertFalse(H2UrlCheck.warning("jdbc:h2:mem:test").isPresent());
        assertFalse(H2UrlCheck.warning("jdbc:postgresql://db/vigil").isPresent());
        assertFalse(H2UrlCheck.warning(null).isPresent());
    }
}
