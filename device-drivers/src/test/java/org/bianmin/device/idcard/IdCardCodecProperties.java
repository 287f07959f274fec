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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
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
