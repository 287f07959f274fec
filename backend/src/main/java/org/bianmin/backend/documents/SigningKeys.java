package org.bianmin.backend.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The document-signing key and its X.509 certificate: generated (RSA 2048, self-signed, SHA-256) on
 * first start, saved to and loaded from a PKCS#12 file (RSA or EC keys). The backend keeps one platform
 * key whose certificate names {@link #PLATFORM}; each signature names the authority that issues the
 * document (the certificate's agency, the licence's own issuer) on whose behalf the platform signs.
 */
public final class SigningKeys {
    /** The organisation the platform key's certificate names. */
    public static final String PLATFORM = "便民政务服务平台（示例）";
    private static final String ALIAS = "document-signing";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public SigningKeys(PrivateKey privateKey, X509Certificate certificate) {
        if (privateKey == null || certificate == null) {
            throw new IllegalArgumentException("signing keys: a private key and its certificate are required");
        }
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** A new RSA 2048 key with a self-signed certificate naming {@code organisation}, valid for {@code validity}. */
    public static SigningKeys generate(String organisation, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, organisation + " 文件签名（演示）")
                    .addRDN(BCStyle.O, organisation)
                    .addRDN(BCStyle.C, "CN").build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKeys(pair.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new DocumentException("cannot generate a document-signing key: " + e.getMessage(), e);
        }
    }

    /** A new platform key: RSA 2048 with a self-signed certificate naming {@link #PLATFORM}. */
    public static SigningKeys generateForPlatform(Duration validity) {
        return generate(PLATFORM, validity);
    }

    /** Loads the first key entry of a PKCS#12 file. */
    public static SigningKeys load(Path pkcs12, char[] password) {
        if (!Files.isReadable(pkcs12)) {
            throw new DocumentException("signing key file " + pkcs12 + " does not exist or cannot be read");
        }
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate cert = store.getCertificate(alias);
                    if (!(cert instanceof X509Certificate x509)) {
                        throw new DocumentException("signing key file " + pkcs12 + ": entry '" + alias
                                + "' has no X.509 certificate");
                    }
                    return new SigningKeys((PrivateKey) store.getKey(alias, password), x509);
                }
            }
            throw new DocumentException("signing key file " + pkcs12 + " holds no private key entry");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new DocumentException("signing key file " + pkcs12 + ": wrong password", e);
            }
            throw new DocumentException("signing key file " + pkcs12 + " is not a readable PKCS#12 file: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new DocumentException("signing key file " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    /** Writes the key and certificate to a PKCS#12 file protected by {@code password}. */
    public void save(Path pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, new Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(pkcs12)) {
                store.store(out, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new DocumentException("cannot write signing key file " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    /** SHA256withRSA or SHA256withECDSA, after the key's algorithm. */
    String signatureAlgorithm() {
        return "EC".equals(privateKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
