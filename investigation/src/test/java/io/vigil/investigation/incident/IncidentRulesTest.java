package io.vigil.investigation.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an incident must be, field by field: every fault named at once. */
class IncidentRulesTest {

    static final String START = "2026-12-07T10:00:00Z";
    static final String END = "2026-12-07T10:15:00Z";

    static IncidentRequest request(String title, List<String> cameras, String start, String end, String reason) {
        return new IncidentRequest(title, cameras, start, end, reason);
    }

    static Map<String, String> faults(IncidentRequest request) {
        VigilException e =
                assertThrows(VigilException.class, () -> IncidentRules.check(request), String.valueOf(request));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        return e.fieldErrors();
    }

    @Test
    void aCompleteRequestIsAnIncidentWithItsCamerasTrimmedAndRepeatsDropped() {
        NewIncident n = IncidentRules.check(
                request(" Dock break-in ", List.of("dock", " gate", "dock"), START, END, "case 2026-114"));
        assertEquals("Dock break-in", n.title());
        assertEquals(List.of("dock", "gate"), n.cameraIds());
        assertEquals(Instant.parse(START), n.range().start());
        assertEquals(Instant.parse(END), n.range().end());
        assertEquals("case 2026-114", n.reason());
    }

    @Test
    void noBodyIsRefusedNamingIt() {
        assertEquals(List.of("body"), List.copyOf(faults(null).keySet()));
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        assertEquals(
                java.util.Set.of("title", "cameraIds", "start", "end", "reason"),
                faults(request(null, null, null, null, " ")).keySet());
    }

    @Test
    void eachFieldIsRefusedForItsOwnFault() {
        String[][] table = {
            // field, title, cameras (comma-separated), start, end, reason, expected message fragment
            {"title", "x".repeat(201), "dock", START, END, "r", "at most 200"},
            {"title", "two\nlines", "dock", START, END, "r", "one line"},
            {"cameraIds", "t", "", START, END, "r", "at least one camera"},
            {"cameraIds", "t", "Dock!", START, END, "r", "camera id"},
            {"cameraIds", "t", String.join(",", Collections.nCopies(17, "c")), START, END, "r", "at most 16"},
            {"start", "t", "dock", "yesterday", END, "r", "RFC 3339"},
            {"end", "t", "dock", START, START, "r", "after start"},
            {"end", "t", "dock", START, "2026-12-08T10:00:01Z", "r", "at most 24 h"},
            {"reason", "t", "dock", START, END, "x".repeat(2001), "at most 2000"},
            {"reason", "t", "dock", START, END, "bell\u0007ring", "control characters"},
        };
        for (String[] row : table) {
            List<String> cameras = row[2].isEmpty() ? List.of() : Arrays.asList(row[2].split(","));
            Map<String, String> faults = faults(request(row[1], cameras, row[3], row[4], row[5]));
            assertEquals(List.of(row[0]), List.copyOf(faults.keySet()), Arrays.toString(row));
            String message = faults.get(row[0]);
            assertEquals(true, message.contains(row[6]), row[0] + ": " + message);
        }
    }

    @Test
    void aReasonMayHoldLineBreaks() {
        assertEquals(
                "line one\nline two",
                IncidentRules.check(request("t", List.of("dock"), START, END, "line one\nline two"))
                        .reason());
    }
}
