package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.CardFixtures;

/** Random, truncated and corrupted input to every codec and parser: a typed error or a valid result, never a crash. */
class IdCardCodecProperties {

    @Property
    void randomBytesIntoTheReceiverNeverThrowAndEveryFrameItYieldsDecodes(@ForAll @Size(max = 3000) byte[] noise) throws DeviceException {
        SamFrameReceiver rx = SamFrameReceiver.forReplies();
        for (byte b : noise) {
            var r = rx.push(b);
            if (r.isPresent() && r.get() instanceof SamFrameReceiver.Frame f) {
                SamCodec.decodeReply(f.bytes());
            }
        }
    }

    @Property
    void anyReplyAfterNoiseWithoutAPreambleIsFoundIntact(@ForAll @Size(max = 200) byte[] noise, @ForAll @IntRange(max = 255) int sw3,
            @ForAll @Size(max = 300) byte[] data) {
        Assume.that(indexOf(noise, SamCodec.PREAMBLE) < 0);
        byte[] frame = SamCodec.encode(SamReply.of(sw3, data));
        byte[] stream = concat(noise, frame);
        List<SamFrameReceiver.Result> got = new ArrayList<>();
        SamFrameReceiver rx = SamFrameReceiver.forReplies();
        for (byte b : stream) {
            rx.push(b).ifPresent(got::add);
        }
        assertEquals(List.of(new SamFrameReceiver.Frame(frame)), got);
    }

    @Property
    void truncatedOrCorruptedRepliesDecodeOrFailTyped(@ForAll @IntRange(max = 255) int sw3, @ForAll @Size(max = 64) byte[] data,
            @ForAll @IntRange(max = 80) int cut, @ForAll @IntRange(max = 80) int flipAt, @ForAll byte flip) {
        byte[] frame = SamCodec.encode(SamReply.of(sw3, data));
        byte[] damaged = Arrays.copyOf(frame, Math.max(0, frame.length - cut % (frame.length + 1)));
        if (damaged.length > 0) {
            damaged[flipAt % damaged.length] ^= flip;
        }
        try {
            SamCodec.decodeReply(damaged);
        } catch (DeviceException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        try {
            SamCodec.decodeRequest(damaged);
        } catch (DeviceException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Property
    void aSingleFlippedBitInAnyFrameIsNeverAcceptedAsTheOriginal(@ForAll @IntRange(max = 255) int sw3, @ForAll @Size(max = 64) byte[] data,
            @ForAll @IntRange(max = 10_000) int position, @ForAll @IntRange(max = 7) int bit) {
        byte[] frame = SamCodec.encode(SamReply.of(sw3, data));
        byte[] damaged = frame.clone();
        damaged[position % frame.length] ^= (byte) (1 << bit);
        try {
            assertNotEquals(SamReply.of(sw3, data), SamCodec.decodeReply(damaged));
        } catch (DeviceException expected) {
            assertTrue(expected.error() != null);
        }
    }

    @Property
    void randomTextBlocksParseOrFailTyped(@ForAll @Size(min = 256, max = 256) byte[] block, @ForAll("markers") char marker) {
        try {
            TextBlock.parse(TextBlock.withMarker(block, marker)).toString();
        } catch (DeviceException e) {
            assertTrue(e.error() != null);
        }
    }

    @Property
    void textBlocksOfAnyOtherLengthAreABadLength(@ForAll @Size(max = 600) byte[] block) {
        Assume.that(block.length != 256);
        try {
            TextBlock.parse(block);
        } catch (DeviceException e) {
            assertEquals(DeviceError.BAD_LENGTH, e.error());
            return;
        }
        throw new AssertionError("a " + block.length + "-byte block was accepted");
    }

    @Property
    void corruptedFixtureBlocksParseOrFailTyped(@ForAll("validBlocks") byte[] block, @ForAll @IntRange(max = 255) int position,
            @ForAll byte value) {
        byte[] damaged = block.clone();
        damaged[position] = value;
        try {
            TextBlock.parse(damaged);
        } catch (DeviceException e) {
            assertTrue(e.error() != null);
        }
    }

    /** The field at {@code fieldIndex} (modulo the layout's field count) given a new value. */
    record Replacement(int fieldIndex, String value) {}

    /**
     * Unlike random blocks, which nearly always stop at the first field, a fixture block with one to
     * three fields replaced parses up to the damaged field, so every field's parser is reached: the
     * coverage checks that each card kind both parses and fails, down to its last checked field.
     */
    @Property(tries = 2000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void fixtureBlocksWithFieldsReplacedOneByOneParseOrFailTyped(@ForAll("fixtureNames") String fixture,
            @ForAll("replacements") List<Replacement> replacements) {
        byte[] block = CardFixtures.byName(fixture).textBlock();
        CardType type = typeOf(block);
        List<TextBlockFields.Field> fields = TextBlockFields.of(type);
        for (Replacement r : replacements) {
            block = fields.get(r.fieldIndex() % fields.size()).write(block, r.value());
        }
        try {
            Identity identity = TextBlock.parse(block);
            assertEquals(type, identity.type());
            assertFalse(identity.toString().isBlank());
            identity.numberProblem();
            Statistics.label("outcome").collect(type, "parsed");
        } catch (DeviceException e) {
            String message = e.getMessage();
            assertTrue(e.error() != null && message != null && !message.isBlank(), String.valueOf(message));
            Statistics.label("outcome").collect(type, "typed error");
            Statistics.label("failed field").collect(type, message.contains(" field ") ? message.substring(0, message.indexOf(" field ")) : "other");
        }
        Statistics.label("outcome").coverage(coverage -> {
            for (CardType t : CardType.values()) {
                coverage.check(t, "parsed").percentage(p -> p > 1);
                coverage.check(t, "typed error").percentage(p -> p > 1);
            }
        });
        Statistics.label("failed field").coverage(coverage -> {
            for (CardType t : CardType.values()) {
                coverage.check(t, "validity end").count(c -> c > 0);
            }
            coverage.check(CardType.HMT_RESIDENCE_PERMIT, "issue count").count(c -> c > 0);
        });
    }

    @Property
    void readRepliesOfAnyShapeSplitOrFailTyped(@ForAll @Size(max = 2400) byte[] data, @ForAll boolean fingerprints) {
        try {
            ReadReply.parse(data, fingerprints);
        } catch (DeviceException e) {
            assertTrue(e.error() != null);
        }
    }

    @Property
    void appendedAddressRepliesOfAnyShapeParseOrFailTyped(@ForAll @IntRange(max = 255) int sw3, @ForAll @Size(max = 100) byte[] data) {
        try {
            AppendedAddress.parse(SamReply.of(sw3, data));
        } catch (DeviceException e) {
            assertTrue(e.error() != null);
        }
    }

    @Property
    void everyNumberWithItsComputedCheckCharacterPasses(@ForAll @StringLength(17) @CharRange(from = '0', to = '9') String first17) {
        assertTrue(IdNumbers.isValid(first17 + IdNumbers.checkCharacter(first17)));
    }

    @Property
    void changingAnySingleCharacterOfAValidNumberIsDetected(@ForAll @StringLength(17) @CharRange(from = '0', to = '9') String first17,
            @ForAll @IntRange(max = 17) int position, @ForAll("checkChars") char replacement) {
        String valid = first17 + IdNumbers.checkCharacter(first17);
        Assume.that(valid.charAt(position) != replacement && (position == 17 || replacement != 'X'));
        String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
        assertFalse(IdNumbers.isValid(changed), changed);
    }

    @Provide
    Arbitrary<Character> markers() {
        return Arbitraries.of(' ', 'I', 'Y', 'J', 'Z', '\0');
    }

    @Provide
    Arbitrary<String> fixtureNames() {
        return Arbitraries.of(CardFixtures.names());
    }

    /** One to three replacements, so that one list suits every layout. */
    @Provide
    Arbitrary<List<Replacement>> replacements() {
        return Combinators.combine(Arbitraries.integers().between(0, 1023), fieldValues()).as(Replacement::new)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** Values shaped to pass a field's check (codes, dates, 长期) mixed with values that fail it. */
    private static Arbitrary<String> fieldValues() {
        Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(1900, 2100), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d%02d%02d", y, m, d));
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "长期", "0", "1", "2", "9", "3", "01", "46", "56", "57", "97", "98", "00", "99", "X",
                        "20240229", "20230229", "00000000", "长期有效"),
                dates,
                Arbitraries.strings().numeric().ofMaxLength(10),
                Arbitraries.strings().withChars("0123456789 X长期\0-/").ofMaxLength(10),
                Arbitraries.strings().ofMaxLength(40));
    }

    private static CardType typeOf(byte[] block) {
        char marker = (char) ((block[TextBlock.TYPE_OFFSET] & 0xFF) | (block[TextBlock.TYPE_OFFSET + 1] & 0xFF) << 8);
        return CardType.ofMarker(marker).orElseThrow();
    }

    @Provide
    Arbitrary<Character> checkChars() {
        return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Provide
    Arbitrary<byte[]> validBlocks() {
        return Arbitraries.of(CardFixtures.names()).map(n -> CardFixtures.byName(n).textBlock());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
