package io.vigil.camera;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of storage as an installer writes it: a whole number of bytes ({@code 1048576}) or a number
 * with a unit ({@code 500MB}, {@code 20 GB}, {@code 1.5TiB}). Decimal units are powers of 1000
 * ({@code KB MB GB TB}), binary units powers of 1024 ({@code KiB MiB GiB TiB}); {@code B} is bytes.
 * Units are case-insensitive; a fraction is allowed only with a unit and is rounded down to a whole byte.
 *
 * @param bytes the amount, at least 0
 */
public record ByteSize(long bytes) {

    private static final Pattern TEXT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "b",
            1L,
            "kb",
            1_000L,
            "mb",
            1_000_000L,
            "gb",
            1_000_000_000L,
            "tb",
            1_000_000_000_000L,
            "kib",
            1L << 10,
            "mib",
            1L << 20,
            "gib",
            1L << 30,
            "tib",
            1L << 40);
    private static final String UNIT_LIST = "B, KB, MB, GB, TB, KiB, MiB, GiB or TiB";

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    /** Decimal units first (what installers type), then binary ones: the first that writes the size exactly wins. */
    private static final List<Map.Entry<String, Long>> FORMAT_UNITS = List.of(
            Map.entry("TB", 1_000_000_000_000L),
            Map.entry("GB", 1_000_000_000L),
            Map.entry("MB", 1_000_000L),
            Map.entry("KB", 1_000L),
            Map.entry("TiB", 1L << 40),
            Map.entry("GiB", 1L << 30),
            Map.entry("MiB", 1L << 20),
            Map.entry("KiB", 1L << 10));

    /**
     * The size as an installer would write it, and as {@link #parse} reads it back to the same bytes: the largest unit
     * that writes it with at most two decimals, exactly ({@code 500MB}, {@code 2GB}, {@code 1.5TB}, {@code 1GiB}),
     * decimal units before binary ones, else whole bytes ({@code 1234567B}).
     */
    public String format() {
        for (Map.Entry<String, Long> unit : FORMAT_UNITS) {
            BigDecimal amount = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit.getValue()));
            if (bytes >= unit.getValue() && amount.stripTrailingZeros().scale() <= 2) {
                return amount.stripTrailingZeros().toPlainString() + unit.getKey();
            }
        }
        return bytes + "B";
    }

    /**
     * @throws IllegalArgumentException with a message that completes "max-bytes ..." (e.g. "has an unknown
     *                                  unit 'XB'") if the text is not a size or does not fit a {@code long}
     */
    public static ByteSize parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("must not be negative");
        }
        Matcher m = TEXT.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a whole number of bytes or a size like 500MB, 20GB or 1.5TiB");
        }
        String number = m.group(1);
        String unit = m.group(2);
        Long factor = unit.isEmpty() ? Long.valueOf(1) : UNITS.get(unit.toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalArgumentException("has an unknown unit '" + unit + "' (use " + UNIT_LIST + ")");
        }
        if (unit.isEmpty() && number.contains(".")) {
            throw new IllegalArgumentException("without a unit must be a whole number of bytes");
        }
        BigInteger bytes =
                new BigDecimal(number).multiply(BigDecimal.valueOf(factor)).toBigInteger();
        if (bytes.bitLength() >= Long.SIZE) {
            throw new IllegalArgumentException("is too large (at most " + Long.MAX_VALUE + " bytes)");
        }
        return new ByteSize(bytes.longValueExact());
    }
}
