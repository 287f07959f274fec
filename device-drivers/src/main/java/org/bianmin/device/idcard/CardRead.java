package org.bianmin.device.idcard;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One complete card read: the parsed identity, the raw photo, any fingerprint data and the appended
 * address. {@link #toString()} masks everything personal.
 */
public record CardRead(Identity identity, WltPhoto photo, byte[] fingerprints, Optional<String> appendedAddress, Instant at) {

    public CardRead {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(photo, "photo");
        fingerprints = fingerprints == null ? new byte[0] : fingerprints.clone();
        Objects.requireNonNull(appendedAddress, "appendedAddress");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public byte[] fingerprints() {
        return fingerprints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardRead r && r.identity.equals(identity) && r.photo.equals(photo)
                && Arrays.equals(r.fingerprints, fingerprints) && r.appendedAddress.equals(appendedAddress) && r.at.equals(at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, photo, Arrays.hashCode(fingerprints), appendedAddress, at);
    }

    @Override
    public String toString() {
        return "CardRead[" + identity + ", " + photo + ", fingerprints " + fingerprints.length + " bytes, appendedAddress "
                + appendedAddress.map(Masked::address).orElse("none") + ", at " + at + "]";
    }
}
