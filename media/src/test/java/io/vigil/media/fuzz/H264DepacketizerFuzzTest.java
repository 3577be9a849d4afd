package io.vigil.media.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.rtp.H264Depacketizer;
import io.vigil.media.sdp.H264Parameters;
import java.util.Optional;

/** The H.264 depacketizer on any packets ({@link NalStreams}): no exception, no access unit past its bound. */
class H264DepacketizerFuzzTest {

    private static final int MAX_ACCESS_UNIT_BYTES = 4096;

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyPacketsYieldBoundedAccessUnitsAndNoException(FuzzedDataProvider data) {
        NalStreams.pushAnyPackets(
                data,
                new H264Depacketizer(
                        new H264Parameters(1, Optional.empty(), Optional.empty(), Optional.empty()),
                        MAX_ACCESS_UNIT_BYTES),
                MAX_ACCESS_UNIT_BYTES);
    }
}
