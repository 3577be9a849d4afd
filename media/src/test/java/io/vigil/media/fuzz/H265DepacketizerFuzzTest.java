package io.vigil.media.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.rtp.H265Depacketizer;
import io.vigil.media.sdp.H265Parameters;
import java.util.Optional;

/** The H.265 depacketizer on any packets ({@link NalStreams}): no exception, no access unit past its bound. */
class H265DepacketizerFuzzTest {

    private static final int MAX_ACCESS_UNIT_BYTES = 4096;

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyPacketsYieldBoundedAccessUnitsAndNoException(FuzzedDataProvider data) {
        NalStreams.pushAnyPackets(
                data,
                new H265Depacketizer(
                        new H265Parameters(Optional.empty(), Optional.empty(), Optional.empty()),
                        MAX_ACCESS_UNIT_BYTES),
                MAX_ACCESS_UNIT_BYTES);
    }
}
