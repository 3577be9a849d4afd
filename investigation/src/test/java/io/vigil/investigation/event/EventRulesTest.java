package io.vigil.investigation.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an event must be, rule by rule: each refusal names its field and says why. */
class EventRulesTest {

    static final String AT = "2026-12-07T10:05:00Z";

    static EventRequest point(UnaryOperator<Builder> change) {
        return change.apply(new Builder()).build();
    }

    /** A valid point event on camera {@code dock}, changed field by field. */
    static final class Builder {
        List<String> cameraIds = List.of("dock");
        String at = AT;
        String start;
        String end;
        String label = "Door forced";
        String note;
        String source;
        EventRequest.HoldAround hold;

        EventRequest build() {
            return new EventRequest(cameraIds, at, start, end, label, note, source, hold);
        }

        Builder cameras(String... ids) {
            cameraIds = java.util.Arrays.asList(ids);
            return this;
        }

        Builder ranged(String from, String until) {
            at = null;
            start = from;
            end = until;
            return this;
        }
    }

    static Map<String, String> refusal(EventRequest request) {
        VigilException e = assertThrows(VigilException.class, () -> EventRules.check(request));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        return e.fieldErrors();
    }

    @Test
    void aPointEventIsItsInstantWithNoEnd() {
        NewEvent e = EventRules.check(point(b -> b));
        assertEquals(Instant.parse(AT), e.start());
        assertNull(e.end());
        assertEquals(List.of("dock"), e.cameraIds());
        assertNull(e.hold(), "no hold unless asked");
    }

    @Test
    void aRangedEventIsHalfOpenAndAtMostADay() {
        NewEvent e = EventRules.check(point(b -> b.ranged(AT, "2026-12-07T10:07:00Z")));
        assertEquals(Instant.parse("2026-12-07T10:07:00Z"), e.end());
        assertEquals(Map.of("end", "must be after start"), refusal(point(b -> b.ranged(AT, AT))));
        assertEquals(
                Map.of("end", "must be at most 24 h after start"),
                refusal(point(b -> b.ranged(AT, "2026-12-08T10:05:00.001Z"))));
        EventRules.check(point(b -> b.ranged(AT, "2026-12-08T10:05:00Z")));
    }

    @Test
    void aHoldReachesBeforeTheStartAndAfterTheEnd() {
        NewEvent point = EventRules.check(point(b -> {
            b.hold = new EventRequest.HoldAround("PT30S", "PT2M");
            return b;
        }));
        assertEquals(TimeRange.parse("2026-12-07T10:04:30Z", "2026-12-07T10:07:00Z"), point.hold());
        NewEvent ranged = EventRules.check(point(b -> {
            b.ranged(AT, "2026-12-07T10:06:00Z").hold = new EventRequest.HoldAround(null, "PT1M");
            return b;
        }));
        assertEquals(TimeRange.parse(AT, "2026-12-07T10:07:00Z"), ranged.hold(), "a missing duration is none");
        assertEquals(Map.of("hold", "holds nothing: give before or after for a point event"), refusal(point(b -> {
            b.hold = new EventRequest.HoldAround(null, "PT0S");
            return b;
        })));
    }

    @Test
    void cameraIdsAreDistinctInTheOrderGiven() {
        assertEquals(
                List.of("dock", "gate"),
                EventRules.check(point(b -> b.cameras("dock", " gate", "dock"))).cameraIds());
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cameraIds   | (none)                       | name at least one camera
            cameraIds   | ../etc                       | each is a camera id: must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit
            cameraIds   | Dock                         | each is a camera id: must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit
            cameraIds   | 17 cameras                   | name at most 16 cameras
            at          | (none)                       | is required, or start and end
            at          | at and start                 | give at (a point event) or start and end (a ranged one), not both
            at          | yesterday                    | is not an RFC 3339 instant: yesterday
            end         | start only                   | is required (RFC 3339, e.g. 2026-11-22T10:02:00Z)
            label       | (none)                       | is required: 1-64 letters, digits, spaces and . _ : / # ( ) + , ' - beginning with a letter or digit
            label       | <script>                     | must be 1-64 letters, digits, spaces and . _ : / # ( ) + , ' - beginning with a letter or digit
            label       | 65 characters                | must be 1-64 letters, digits, spaces and . _ : / # ( ) + , ' - beginning with a letter or digit
            label       | -dash first                  | must be 1-64 letters, digits, spaces and . _ : / # ( ) + , ' - beginning with a letter or digit
            note        | 2001 characters              | must be at most 2000 characters
            note        | a bell                       | must not hold control characters but line breaks and tabs
            source      | 129 characters               | must be at most 128 characters
            source      | a line break                 | must not hold control characters
            hold.before | PT24H1S                      | must be from PT0S to PT24H
            hold.after  | -PT1S                        | must be from PT0S to PT24H
            hold.after  | two minutes                  | is not an ISO-8601 duration such as PT30S or PT2M
            """)
    void aFieldOutsideItsRuleIsRefusedByName(String field, String value, String why) {
        EventRequest request = point(b -> switch (field + ":" + value) {
            case "cameraIds:(none)" -> b.cameras();
            case "cameraIds:17 cameras" ->
                b.cameras(java.util.Collections.nCopies(17, "dock").toArray(String[]::new));
            case "at:(none)" -> {
                b.at = null;
                yield b;
            }
            case "at:at and start" -> {
                b.start = AT;
                yield b;
            }
            case "end:start only" -> b.ranged(AT, null);
            case "label:(none)" -> {
                b.label = "  ";
                yield b;
            }
            case "label:65 characters" -> {
                b.label = "a".repeat(65);
                yield b;
            }
            case "label:-dash first" -> {
                b.label = "-dash first";
                yield b;
            }
            case "note:2001 characters" -> {
                b.note = "n".repeat(2001);
                yield b;
            }
            case "note:a bell" -> {
                b.note = "line one\nbell \u0007 rings";
                yield b;
            }
            case "source:129 characters" -> {
                b.source = "s".repeat(129);
                yield b;
            }
            case "source:a line break" -> {
                b.source = "panel\n2";
                yield b;
            }
            default -> set(b, field, value);
        });
        assertEquals(Map.of(field, why), refusal(request));
    }

    private static Builder set(Builder b, String field, String value) {
        switch (field) {
            case "cameraIds" -> b.cameras(value);
            case "at" -> b.at = value;
            case "label" -> b.label = value;
            case "hold.before" -> b.hold = new EventRequest.HoldAround(value, null);
            case "hold.after" -> b.hold = new EventRequest.HoldAround(null, value);
            default -> throw new IllegalArgumentException(field);
        }
        return b;
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        Map<String, String> errors = refusal(new EventRequest(List.of(), "noon", null, null, "", null, null, null));
        assertEquals(
                List.of("at", "cameraIds", "label"),
                errors.keySet().stream().sorted().toList());
        assertEquals(Map.of("body", "is required: {cameraIds, at | start and end, label}"), refusal(null));
    }

    @Test
    void notesKeepTheirLineBreaksAndEmptyTextIsNone() {
        NewEvent e = EventRules.check(point(b -> {
            b.note = " first line\n\tsecond ";
            b.source = "  ";
            return b;
        }));
        assertEquals("first line\n\tsecond", e.note());
        assertNull(e.source());
    }
}
