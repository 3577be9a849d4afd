package io.vigil.archive.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpoolCacheTest {

    private static final byte[] INIT = {1, 2, 3};

    private static byte[] bytes(int sizeBytes) {
        return new byte[sizeBytes];
    }

    @Test
    void aCameraKeepsItsTwoNewestSegmentsTheOlderGiveWay() {
        SpoolCache cache = new SpoolCache(1000);
        assertTrue(cache.keep("a", 0, bytes(10), "a/init/k", INIT));
        assertTrue(cache.keep("a", 1, bytes(20), "a/init/k", INIT));
        assertTrue(cache.keep("b", 7, bytes(40), "b/init/k", INIT));
        assertTrue(cache.keep("a", 2, bytes(30), "a/init/k", INIT));
        assertEquals(Optional.empty(), cache.media("a", 0));
        assertEquals(20, cache.media("a", 1).orElseThrow().length);
        assertEquals(30, cache.media("a", 2).orElseThrow().length);
        assertEquals(40, cache.media("b", 7).orElseThrow().length);
        assertEquals(90, cache.cachedBytes());
    }

    @Test
    void aSegmentPastTheByteCapIsNotCached() {
        SpoolCache cache = new SpoolCache(100);
        assertTrue(cache.keep("a", 0, bytes(60), "a/init/k", INIT));
        assertFalse(cache.keep("b", 0, bytes(41), "b/init/k", INIT));
        assertTrue(cache.keep("b", 1, bytes(40), "b/init/k", INIT));
        assertEquals(Optional.empty(), cache.media("b", 0));
        assertEquals(100, cache.cachedBytes());
    }

    @Test
    void aCamerasOwnOlderSegmentGivesWayBeforeTheCapIsChecked() {
        SpoolCache cache = new SpoolCache(100);
        cache.keep("a", 0, bytes(50), "a/init/k", INIT);
        cache.keep("a", 1, bytes(50), "a/init/k", INIT);
        assertTrue(cache.keep("a", 2, bytes(50), "a/init/k", INIT));
        assertEquals(Optional.empty(), cache.media("a", 0));
        assertEquals(100, cache.cachedBytes());
    }

    @Test
    void aReleasedSegmentFreesItsBytes() {
        SpoolCache cache = new SpoolCache(100);
        cache.keep("a", 0, bytes(60), "a/init/k", INIT);
        cache.release("a", 0);
        cache.release("a", 0);
        cache.release("never-cached", 3);
        assertEquals(0, cache.cachedBytes());
        assertEquals(Optional.empty(), cache.media("a", 0));
        assertTrue(cache.keep("b", 0, bytes(100), "b/init/k", INIT));
    }

    @Test
    void theInitSegmentIsTheCamerasNewestAndOnlyUnderItsKey() {
        SpoolCache cache = new SpoolCache(100);
        cache.keep("a", 0, bytes(1), "a/init/old", new byte[] {7});
        cache.keep("a", 1, bytes(1), "a/init/new", INIT);
        assertArrayEquals(INIT, cache.init("a", "a/init/new").orElseThrow());
        assertEquals(Optional.empty(), cache.init("a", "a/init/old"));
        assertEquals(Optional.empty(), cache.init("b", "a/init/new"));
    }

    @Test
    void zeroBytesCachesNothing() {
        SpoolCache cache = new SpoolCache(0);
        assertFalse(cache.keep("a", 0, bytes(1), "a/init/k", INIT));
        assertEquals(Optional.empty(), cache.media("a", 0));
        assertEquals(Optional.empty(), cache.init("a", "a/init/k"));
        assertEquals(0, cache.cachedBytes());
    }
}
