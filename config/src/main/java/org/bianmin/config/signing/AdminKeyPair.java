package org.bianmin.config.signing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin's Ed25519 key pair, made and kept with the JDK's own provider: the private key signs desired
 * configurations, the public key is what kiosks are provisioned with.
 *
 * <p>Files are PEM (RFC 7468): the private key as PKCS#8 ({@code PRIVATE KEY}), created readable by its owner only on
 * POSIX file systems; the public key as X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}). The key id, which names the
 * key in envelopes and messages, is the first 16 hex digits of the SHA-256 of the public key's X.509 encoding.
 *
 * @param privateKey the Ed25519 private key
 * @param publicKey  its public key
 */
public record AdminKeyPair(PrivateKey privateKey, PublicKey publicKey) {
    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyPair.class);
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final String MAKE_ONE = "make an admin key pair with ./kiosk admin keygen";
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public AdminKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        requireEd25519(privateKey, "private");
        requireEd25519(publicKey, "public");
    }

    /** A new key pair from the JDK's strong random source. */
    public static AdminKeyPair generate() {
        KeyPair pair = generator().generateKeyPair();
        return new AdminKeyPair(pair.getPrivate(), pair.getPublic());
    }

    /** The pair a private key belongs to: Ed25519's public key follows from the private one. */
    public static AdminKeyPair of(PrivateKey privateKey) {
        requireEd25519(privateKey, "private");
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new SigningException("the admin private key does not reveal its bytes (a hardware key?); "
                        + "give a private key file written by ./kiosk admin keygen"));
        // RFC 8032: the private key is a 32-byte seed and the public key is derived from it. The JDK has no call for
        // that, but its generator derives the pair from 32 random bytes; handing it the seed as those bytes gives the pair.
        KeyPairGenerator g = generator();
        try {
            g.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java's Ed25519 provider refuses its own parameters", e);
        }
        KeyPair pair = g.generateKeyPair();
        byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
        if (!Arrays.equals(seed, derived)) {
            throw new IllegalStateException("this Java's Ed25519 provider does not derive a key pair from the given seed");
        }
        return new AdminKeyPair(privateKey, pair.getPublic());
    }

    /** Names the pair by its key id only: a private key never reaches a log. */
    @Override
    public String toString() {
        return "AdminKeyPair[keyId=" + keyId() + "]";
    }

    /** This pair's key id, e.g. {@code 3f9a0c27d41b8e65}. */
    public String keyId() {
        return keyId(publicKey);
    }

    /** The key id of an Ed25519 public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Writes both keys, refusing to replace an existing file: an admin key overwritten by mistake cannot be had back,
     * and kiosks provisioned with its public key would refuse every config signed afterwards.
     *
     * @throws SigningException when either file exists or cannot be written
     */
    public void write(Path privateKeyFile, Path publicKeyFile) {
        for (Path p : new Path[] {privateKeyFile, publicKeyFile}) {
            if (Files.exists(p)) {
                throw new SigningException(p + ": already exists; an admin key is never overwritten: move the old key pair "
                        + "away first, or write the new one to other files");
            }
        }
        writeNew(privateKeyFile, pem(PRIVATE_LABEL, privateKey.getEncoded()), true);
        writeNew(publicKeyFile, publicKeyPem(), false);
    }

    /** The public key as PEM text, for a kiosk's configuration or a message to the people who provision kiosks. */
    public String publicKeyPem() {
        return pem(PUBLIC_LABEL, publicKey.getEncoded());
    }

    /** Reads an admin's private key file; the public key is derived from it. */
    public static AdminKeyPair read(Path file) {
        byte[] der = pemBody(file.toString(), readText(file), PRIVATE_LABEL);
        AdminKeyPair pair = of((PrivateKey) decode(file.toString(), new PKCS8EncodedKeySpec(der), true));
        warnIfOthersCanRead(file);
        return pair;
    }

    /** Reads an admin public key file, as a kiosk is provisioned with. */
    public static PublicKey readPublicKey(Path file) {
        return parsePublicKey(file.toString(), readText(file));
    }

    /**
     * Reads an admin public key from PEM text.
     *
     * @param source how messages name the text, e.g. a file path or {@code trustedAdminKeys[0]}
     */
    public static PublicKey parsePublicKey(String source, String pem) {
        byte[] der = pemBody(source, pem, PUBLIC_LABEL);
        PublicKey key = (PublicKey) decode(source, new X509EncodedKeySpec(der), false);
        requireEd25519(key, "public");
        return key;
    }

    private static KeyPairGenerator generator() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java since 15 has Ed25519", e);
        }
    }

    static void requireEd25519(Key key, String which) {
        if (!(key instanceof EdECKey ed) || !ALGORITHM.equalsIgnoreCase(ed.getParams().getName())) {
            throw new SigningException("the admin " + which + " key is " + describe(key) + ", not Ed25519; " + MAKE_ONE);
        }
    }

    private static String describe(Key key) {
        if (key instanceof EdECKey ed) {
            return "an " + ed.getParams().getName() + " key";
        }
        return "a" + ("RSA".equals(key.getAlgorithm()) || "EC".equals(key.getAlgorithm()) ? "n " : " ") + key.getAlgorithm() + " key";
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new SigningException(file + ": does not exist; give the path of an admin key file, or " + MAKE_ONE);
        } catch (AccessDeniedException e) {
            throw new SigningException(file + ": cannot be read (permission denied); run as the key's owner, or fix its permissions");
        } catch (CharacterCodingException e) {
            throw new SigningException(file + ": is not a PEM text file (it holds binary data); give the .pem file written by "
                    + "./kiosk admin keygen, not a DER or keystore file");
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a directory" : "cannot be read (" + e.getClass().getSimpleName() + ")";
            throw new SigningException(file + ": " + why + "; give the path of an admin key file");
        }
    }

    /** The DER bytes between the BEGIN and END lines of the first PEM block, which must carry {@code label}. */
    private static byte[] pemBody(String source, String text, String label) {
        Matcher begin = BEGIN.matcher(text);
        if (!begin.find()) {
            throw new SigningException(source + ": is not a PEM key file (it has no -----BEGIN line); give the file written by "
                    + "./kiosk admin keygen");
        }
        String found = begin.group(1);
        if (!found.equals(label)) {
            throw new SigningException(source + ": holds " + wrongLabel(found, label));
        }
        String end = "-----END " + label + "-----";
        int endAt = text.indexOf(end, begin.end());
        if (endAt < 0) {
            throw new SigningException(source + ": is cut short (no " + end + " line); copy the whole file again from where the "
                    + "key is kept");
        }
        String base64 = text.substring(begin.end(), endAt).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SigningException(source + ": is damaged (the text between its BEGIN and END lines is not base64); copy the "
                    + "whole file again from where the key is kept");
        }
    }

    private static String wrongLabel(String found, String wanted) {
        String wantedKey = wanted.equals(PRIVATE_LABEL) ? "private" : "public";
        return switch (found) {
            case PUBLIC_LABEL -> "a public key where a private key is needed; give the admin's private key file (the one "
                    + "only the admin keeps), not the .pub file";
            case PRIVATE_LABEL -> "a private key where a public key is needed; give the admin's public key file, and keep the "
                    + "private key off the kiosk";
            case "RSA PRIVATE KEY", "RSA PUBLIC KEY" -> "an RSA key, but admin keys are Ed25519; " + MAKE_ONE;
            case "EC PRIVATE KEY" -> "an EC key, but admin keys are Ed25519; " + MAKE_ONE;
            case "ENCRYPTED PRIVATE KEY" -> "a passphrase-protected private key, which these tools do not read; " + MAKE_ONE
                    + " and protect the file by its permissions";
            case "OPENSSH PRIVATE KEY" -> "an OpenSSH key, not a PEM admin key; " + MAKE_ONE;
            case "CERTIFICATE" -> "a certificate, not an admin " + wantedKey + " key; give the " + wantedKey
                    + " key file written by ./kiosk admin keygen";
            default -> "a " + found + " where an admin " + wantedKey + " key is needed; give the " + wantedKey
                    + " key file written by ./kiosk admin keygen";
        };
    }

    private static Key decode(String source, KeySpec spec, boolean isPrivate) {
        try {
            KeyFactory ed = KeyFactory.getInstance(ALGORITHM);
            return isPrivate ? ed.generatePrivate(spec) : ed.generatePublic(spec);
        } catch (GeneralSecurityException | RuntimeException notEd25519) {
            String algorithm = otherAlgorithm(spec, isPrivate);
            if (algorithm != null) {
                throw new SigningException(source + ": holds " + algorithm + " key, but admin keys are Ed25519; " + MAKE_ONE);
            }
            throw new SigningException(source + ": is damaged (its contents are not a key); copy the whole file again from where "
                    + "the key is kept");
        }
    }

    /** The algorithm of a key that is not Ed25519, phrased for a message ("an RSA"), or null when it is no key at all. */
    private static String otherAlgorithm(KeySpec spec, boolean isPrivate) {
        for (String algorithm : new String[] {"RSA", "EC", "EdDSA", "DSA", "XDH"}) {
            try {
                KeyFactory f = KeyFactory.getInstance(algorithm);
                Key key = isPrivate ? f.generatePrivate(spec) : f.generatePublic(spec);
                return describe(key).replace(" key", "");
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm either
            }
        }
        return null;
    }

    private static String pem(String label, byte[] der) {
        // RFC 7468: base64 in lines of 64 characters
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void writeNew(Path file, String text, boolean ownerOnly) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
            if (ownerOnly && posix) {
                // Created owner-only, so the private key is never readable by others, not even for a moment.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            } else {
                Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new SigningException(file + ": already exists; an admin key is never overwritten: move the old key pair away "
                    + "first, or write the new one to other files");
        } catch (AccessDeniedException e) {
            throw new SigningException(file + ": cannot be written (permission denied); choose a directory you can write to");
        } catch (IOException e) {
            throw new SigningException(file + ": cannot be written (" + e.getClass().getSimpleName() + "); choose another place");
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                    LOG.warn("{}: the admin private key can be read by other users; chmod 600 it", file);
                }
            }
        } catch (IOException e) {
            // reading the key itself reports what is wrong with the file
        }
    }

    /** Random bytes that are not random: the seed, for deriving the pair of a known private key. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + out.length + " bytes, not a 32-byte seed");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
