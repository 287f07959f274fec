package org.bianmin.device.idcard.sim;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.device.idcard.AppendedAddress;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.TextBlock;
import org.bianmin.device.idcard.WltPhoto;

/**
 * A card the simulator can hold: the 256-byte text block exactly as the chip returns it, the WLT
 * photo, fingerprint data (0, 512 or 1024 bytes) and an optional appended address.
 */
public record CardFixture(String name, byte[] textBlock, WltPhoto photo, byte[] fingerprints, Optional<String> appendedAddress) {

    public CardFixture {
        Objects.requireNonNull(name, "name");
        if (textBlock == null || textBlock.length != TextBlock.SIZE) {
            throw new IllegalArgumentException("fixture " + name + ": a text block is " + TextBlock.SIZE + " bytes");
        }
        textBlock = textBlock.clone();
        Objects.requireNonNull(photo, "photo");
        fingerprints = fingerprints == null ? new byte[0] : fingerprints.clone();
        if (fingerprints.length != 0 && fingerprints.length != 512 && fingerprints.length != 1024) {
            throw new IllegalArgumentException("fixture " + name + ": fingerprint data is 0, 512 or 1024 bytes (one 512-byte template per finger); got "
                    + fingerprints.length);
        }
        Objects.requireNonNull(appendedAddress, "appendedAddress");
        appendedAddress.ifPresent(AppendedAddress::encode);
    }

    /** A card holding {@code identity}, a synthetic photo, no fingerprints and no appended address. */
    public static CardFixture of(String name, Identity identity) {
        return new CardFixture(name, TextBlock.encode(identity), CardFixtures.syntheticWlt(name), new byte[0], Optional.empty());
    }

    public CardFixture withFingerprints(byte[] data) {
        return new CardFixture(name, textBlock, photo, data, appendedAddress);
    }

    public CardFixture withAppendedAddress(String address) {
        return new CardFixture(name, textBlock, photo, fingerprints, Optional.of(address));
    }

    @Override
    public byte[] textBlock() {
        return textBlock.clone();
    }

    @Override
    public byte[] fingerprints() {
        return fingerprints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardFixture f && f.name.equals(name) && Arrays.equals(f.textBlock, textBlock) && f.photo.equals(photo)
                && Arrays.equals(f.fingerprints, fingerprints) && f.appendedAddress.equals(appendedAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(textBlock), photo, Arrays.hashCode(fingerprints), appendedAddress);
    }

    @Override
    public String toString() {
        return "CardFixture[" + name + ", fingerprints " + fingerprints.length + " bytes, appended address "
                + (appendedAddress.isPresent() ? "yes" : "no") + "]";
    }
}
