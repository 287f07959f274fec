package org.bianmin.backend.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What an HTTPS client trusts: the CA certificates of a PEM file (a government extranet's own CA), or else the JDK's
 * default trust store. It remembers the certificate a server last presented, so that a refused handshake can say
 * whose certificate it was and which names it holds.
 */
public final class ClientTrust {
    private final Path caFile;
    private final SSLContext context;
    private final AtomicReference<X509Certificate> lastPresented = new AtomicReference<>();

    private ClientTrust(Path caFile, KeyStore anchors) {
        this.caFile = caFile;
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509ExtendedTrustManager trust = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x) {
                    trust = x;
                }
            }
            if (trust == null) {
                throw new IllegalStateException("the JDK's default trust manager factory makes an X509ExtendedTrustManager");
            }
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Remembering(trust)}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK makes a TLS context from a trust store", e);
        }
    }

    /** Trusts what the JDK's default trust store trusts (its {@code cacerts}). */
    public static ClientTrust defaultStore() {
        return new ClientTrust(null, null);
    }

    /**
     * Trusts the CA certificates in {@code caFile} (PEM, one or more), and nothing else; {@code option} is how messages
     * name the file: an option ("--ca") or an environment variable.
     *
     * @throws TlsFileException when the file cannot be read or holds no certificate
     */
    public static ClientTrust of(Path caFile, String option) {
        String fix = (option.startsWith("--") ? "pass " + option + " with" : "set " + option + " to")
                + " your CA's certificate in PEM (-----BEGIN CERTIFICATE-----)";
        PemFile pem = PemFile.read(caFile, option + " " + caFile, fix);
        if (pem.certificates().isEmpty()) {
            throw new TlsFileException(pem.what() + ": no certificate in it; " + fix);
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate c : pem.certificates()) {
                anchors.setCertificateEntry("ca-" + i++, c);
            }
            return new ClientTrust(caFile, anchors);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an empty key store takes certificates", e);
        }
    }

    /** The CA file trusted, or empty for the JDK's default trust store. */
    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    /** A TLS context that trusts these CAs and checks the server's host name (the client sets it on its engines). */
    public SSLContext sslContext() {
        return context;
    }

    /** The certificate a server presented in the last handshake, trusted or not. */
    public Optional<X509Certificate> lastPresented() {
        return Optional.ofNullable(lastPresented.get());
    }

    /** The DNS names and IP addresses a certificate is for (its subject alternative names). */
    public static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    // GeneralName tags (RFC 5280): 2 = dNSName, 7 = iPAddress
                    Object tag = name.get(0);
                    if (Integer.valueOf(2).equals(tag) || Integer.valueOf(7).equals(tag)) {
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateException e) {
            // an unparsable extension names nothing
        }
        return names;
    }

    /** Delegates every check to the JDK's trust manager, noting the server's certificate first. */
    private final class Remembering extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        Remembering(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        private void note(X509Certificate[] chain) {
            lastPresented.set(chain == null || chain.length == 0 ? null : chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            note(chain);
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            note(chain);
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            note(chain);
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
