package org.bianmin.backend.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The certificate chain and private key a server offers in TLS, read from PEM files and checked before it listens: the
 * key belongs to the first certificate, and every certificate of the chain is valid now.
 */
public final class TlsIdentity {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Path certificateFile;
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private TlsIdentity(Path certificateFile, List<X509Certificate> chain, PrivateKey key) {
        this.certificateFile = certificateFile;
        this.chain = chain;
        this.key = key;
    }

    /**
     * Reads the chain (leaf first) from {@code certificateFile} and its key from {@code keyFile}: PKCS#8 ("BEGIN PRIVATE
     * KEY"), or the older "BEGIN EC PRIVATE KEY" and "BEGIN RSA PRIVATE KEY".
     *
     * @throws TlsFileException naming the file, what is wrong and what to do
     */
    public static TlsIdentity load(Path certificateFile, Path keyFile, Instant now) {
        String certificateFix = "pass --tls-cert with the server's certificate chain in PEM, its own certificate first";
        PemFile certificates = PemFile.read(certificateFile, "--tls-cert " + certificateFile, certificateFix);
        if (certificates.certificates().isEmpty()) {
            throw new TlsFileException(certificates.what() + ": no certificate in it (-----BEGIN CERTIFICATE-----)"
                    + (certificates.keys().isEmpty() && !certificates.hasEncryptedKey() ? "; " + certificateFix
                    : " but a private key: did you swap --tls-cert and --tls-key?"));
        }
        String keyFix = "pass --tls-key with the certificate's private key in PEM (-----BEGIN PRIVATE KEY-----)";
        PemFile keys = PemFile.read(keyFile, "--tls-key " + keyFile, keyFix);
        if (keys.keys().isEmpty()) {
            if (keys.hasEncryptedKey()) {
                throw new TlsFileException(keys.what() + ": the key is encrypted with a passphrase, which a server cannot type; "
                        + "write it unencrypted (openssl pkey -in " + keyFile + " -out server-key.pem) and make it readable by "
                        + "the backend's user only");
            }
            throw new TlsFileException(keys.what() + ": no private key in it" + (keys.certificates().isEmpty() ? "; " + keyFix
                    : " but a certificate: did you swap --tls-cert and --tls-key?"));
        }
        List<X509Certificate> chain = certificates.certificates();
        X509Certificate leaf = chain.getFirst();
        PrivateKey key = keys.keys().getFirst();
        if (signatureAlgorithm(leaf.getPublicKey()) == null) {
            throw new TlsFileException(certificates.what() + ": the certificate's key type " + leaf.getPublicKey().getAlgorithm()
                    + " is not supported; use an RSA or EC (P-256, P-384) certificate");
        }
        if (!belongsTo(key, leaf.getPublicKey())) {
            boolean laterInChain = chain.stream().skip(1).anyMatch(c -> belongsTo(key, c.getPublicKey()));
            throw new TlsFileException(keys.what() + ": this key does not belong to the certificate " + subject(leaf) + " in "
                    + certificateFile + (laterInChain ? "; it belongs to a later certificate of the chain: put the server's own "
                    + "certificate first" : "; pass the key that was made with this certificate's request"));
        }
        for (X509Certificate c : chain) {
            String which = c == leaf ? "the certificate " + subject(c) : "the chain's certificate " + subject(c);
            if (now.isAfter(c.getNotAfter().toInstant())) {
                throw new TlsFileException(certificates.what() + ": " + which + " expired on " + DAY.format(c.getNotAfter().toInstant())
                        + "; get a renewed one from your CA and pass it");
            }
            if (now.isBefore(c.getNotBefore().toInstant())) {
                throw new TlsFileException(certificates.what() + ": " + which + " is not valid until "
                        + DAY.format(c.getNotBefore().toInstant()) + "; check this machine's clock");
            }
        }
        return new TlsIdentity(certificateFile, chain, key);
    }

    /** Whether {@code key} signs what {@code publicKey} verifies: a random challenge, in the keys' own algorithm. */
    private static boolean belongsTo(PrivateKey key, PublicKey publicKey) {
        String algorithm = signatureAlgorithm(publicKey);
        if (algorithm == null || !algorithm.equals(signatureAlgorithm(key))) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK signs and verifies " + algorithm, e);
        }
    }

    /** The signature algorithm that proves possession of a key of this type; null for a type TLS here does not take. */
    private static String signatureAlgorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
    }

    /** The file the chain was read from. */
    public Path certificateFile() {
        return certificateFile;
    }

    /** The server's own certificate, the first of the chain. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * The key and chain as an in-memory PKCS#12 key store under {@code password}, the form TLS servers take them in.
     * It is never written anywhere.
     */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an empty PKCS#12 store takes a checked key and its chain", e);
        }
    }

    /** One line for logs and the start-up output: subject, issuer and expiry of the served certificate. */
    public String describe() {
        X509Certificate leaf = certificate();
        return subject(leaf) + ", issued by " + leaf.getIssuerX500Principal().getName() + ", valid until "
                + DAY.format(leaf.getNotAfter().toInstant());
    }

    /** When the served certificate stops being valid. */
    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    /** Names the certificate only: the key never reaches a log. */
    @Override
    public String toString() {
        return "TlsIdentity[" + describe() + " from " + certificateFile + "]";
    }
}
