package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoxWriterTest {

    static Arguments[] boxes() {
        return new Arguments[] {
            Arguments.of(
                    "empty box", (UnaryOperator<BoxWriter>) w -> w.box("free").end(), "00000008 66726565"),
            Arguments.of(
                    "full box",
                    (UnaryOperator<BoxWriter>)
                            w -> w.fullBox("mfhd", 0, 0).u32(7).end(),
                    "00000010 6d666864 00000000 00000007"),
            Arguments.of(
                    "version and flags",
                    (UnaryOperator<BoxWriter>)
                            w -> w.fullBox("tfdt", 1, 0x020001).u64(90_000).end(),
                    "00000014 74666474 01020001 0000000000015f90"),
            Arguments.of(
                    "nested",
                    (UnaryOperator<BoxWriter>)
                            w -> w.box("moov").box("trak").u16(0xabcd).end().end(),
                    "00000012 6d6f6f76 0000000a 7472616b abcd"),
            Arguments.of(
                    "siblings",
                    (UnaryOperator<BoxWriter>)
                            w -> w.box("a   ").u8(1).end().box("b   ").u24(2).end(),
                    "00000009 61202020 01 0000000b 62202020 000002"),
            Arguments.of(
                    "patched field",
                    (UnaryOperator<BoxWriter>)
                            w -> w.box("trun").zeros(4).putU32(8, 0xfffffffeL).end(),
                    "0000000c 7472756e fffffffe")
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boxes")
    void writesExactBytes(String name, UnaryOperator<BoxWriter> write, String hex) {
        assertEquals(
                hex.replace(" ", ""),
                HexFormat.of().formatHex(write.apply(new BoxWriter()).toByteArray()));
    }

    @Test
    void growsPastItsFirstArray() {
        byte[] bytes = new BoxWriter().box("mdat").zeros(1000).end().toByteArray();
        assertEquals(1008, bytes.length);
        assertEquals("000003f06d646174", HexFormat.of().formatHex(bytes, 0, 8));
    }

    @Test
    void refusesUnbalancedBoxesAndBadTypes() {
        assertThrows(
                IllegalStateException.class, () -> new BoxWriter().box("moov").toByteArray());
        assertThrows(IllegalStateException.class, () -> new BoxWriter().end());
        assertThrows(IllegalArgumentException.class, () -> new BoxWriter().box("moo"));
        assertThrows(
                IndexOutOfBoundsException.class, () -> new BoxWriter().u16(0).putU32(0, 1));
    }
}
