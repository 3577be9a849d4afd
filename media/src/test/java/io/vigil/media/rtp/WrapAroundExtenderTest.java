package io.vigil.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrapAroundExtenderTest {

    private static List<Long> extend(WrapAroundExtender extender, long... raw) {
        return Arrays.stream(raw).map(extender::extend).boxed().toList();
    }

    @Test
    void timestampsCountOnAcrossTheWrapAndBackForBFrames() {
        assertEquals(
                List.of(4_294_963_000L, 4_294_966_600L, 4_294_970_200L, 4_294_973_800L, 4_294_970_200L, 4_294_977_400L),
                extend(
                        WrapAroundExtender.timestamps(),
                        4_294_963_000L,
                        4_294_966_600L,
                        2_904L,
                        6_504L,
                        2_904L,
                        10_104L));
    }

    @Test
    void timestampsGoingBackAcrossTheWrapCountBack() {
        assertEquals(
                List.of(100L, -3_500L, 7_300L), extend(WrapAroundExtender.timestamps(), 100L, 4_294_963_796L, 7_300L));
    }

    @Test
    void sequenceNumbersWrapEvery65536() {
        assertEquals(
                List.of(65_534L, 65_535L, 65_536L, 65_537L, 98_304L, 131_071L, 131_072L),
                extend(WrapAroundExtender.sequenceNumbers(), 65_534, 65_535, 0, 1, 32_768, 65_535, 0));
    }

    @Test
    void theLargestForwardStepIsHalfTheRange() {
        assertEquals(List.of(0L, 32_767L, -1L), extend(WrapAroundExtender.sequenceNumbers(), 0, 32_767, 65_535));
        assertEquals(List.of(0L, -32_768L), extend(WrapAroundExtender.sequenceNumbers(), 0, 32_768));
    }

    @Test
    void aValueWiderThanTheCounterIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WrapAroundExtender.sequenceNumbers().extend(65_536));
        assertThrows(
                IllegalArgumentException.class,
                () -> WrapAroundExtender.timestamps().extend(-1));
    }
}
