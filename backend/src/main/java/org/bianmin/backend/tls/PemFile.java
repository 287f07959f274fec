package org.bianmin.backend.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The blocks of one PEM file (RFC 7468) that TLS needs: its certificates in file order and its private keys, each read
 * with a message that names the file ({@code what}, e.g. "--tls-cert server.pem") when it cannot be.
 */
final class PemFile {
    private final String what;
    private final List<X509Certificate> certificates;
    private final List<PrivateKey> keys;
    private final boolean encryptedKey;

    private PemFile(String what, List<X509Certificate> certificates, List<PrivateKey> keys, boolean encryptedKey) {
        this.what = what;
        this.certificates = certificates;
        this.keys = keys;
        this.encryptedKey = encryptedKey;
    }

    /** Reads {@code file}; {@code what} is how messages name it, {@code fix} what to pass instead when it is missing. */
    static PemFile read(Path file, String what, String fix) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new TlsFileException(what + ": no such file; " + fix);
        } catch (AccessDeniedException e) {
            throw new TlsFileException(what + ": permission denied; make it readable by the user this runs as");
        } catch (IOException e) {
            throw new TlsFileException(what + ": cannot read it (" + e.getMessage() + "); " + fix);
        }
        // DER starts with a SEQUENCE tag (0x30) and holds no PEM armour
        if (!text.contains("-----BEGIN ") && !text.isEmpty() && text.charAt(0) == 0x30) {
            throw new TlsFileException(what + ": binary DER, not PEM; convert it (openssl x509 -inform der for a certificate, "
                    + "openssl pkey -inform der for a key) and pass the PEM file");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        boolean encrypted = false;
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                switch (block) {
                    case X509CertificateHolder holder -> certificates.add(certificateConverter.getCertificate(holder));
                    case PrivateKeyInfo info -> keys.add(keyConverter.getPrivateKey(info));
                    case PEMKeyPair pair -> keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                    case PEMEncryptedKeyPair ignored -> encrypted = true;
                    case PKCS8EncryptedPrivateKeyInfo ignored -> encrypted = true;
                    // EC PARAMETERS before an EC key, a CRL, a request: nothing TLS needs here
                    default -> { }
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new TlsFileException(what + ": not a readable PEM file (" + rootMessage(e)
                    + "); it must hold -----BEGIN ...----- blocks of base64: " + fix);
        }
        return new PemFile(what, List.copyOf(certificates), List.copyOf(keys), encrypted);
    }

    String what() {
        return what;
    }

    List<X509Certificate> certificates() {
        return certificates;
    }

    List<PrivateKey> keys() {
        return keys;
    }

    /** Whether the file holds a key protected by a passphrase (which a server that starts unattended cannot type). */
    boolean hasEncryptedKey() {
        return encryptedKey;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
