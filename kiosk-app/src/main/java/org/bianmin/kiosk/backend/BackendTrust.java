package org.bianmin.kiosk.backend;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust the kiosk places in its backend's TLS certificate: the CAs of {@code backend.caCertificates} (or the Java
 * runtime's when none are configured), and a plain-words reason when a certificate is refused.
 *
 * <p>The reason is found by checking the chain first without the host name and then with it: a chain that passes alone
 * but fails with the host name is a certificate for another host. So no exception message of the JDK is parsed.
 */
public final class BackendTrust {
    /** GeneralNames tags of RFC 5280 4.2.1.6: dNSName and iPAddress. */
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    /** How deep a cause chain is searched for the reason. */
    private static final int CAUSE_DEPTH = 16;
    private static final String PEM_FIX = "it should hold the CA's certificate in PEM form (-----BEGIN CERTIFICATE-----)";

    private BackendTrust() {
    }

    /**
     * Reads the CA certificates from PEM files, as {@code backend.caCertificates} names them.
     *
     * @throws IOException saying which file is missing, unreadable or holds no certificate, and what to do
     */
    public static List<X509Certificate> readPemFiles(List<Path> files) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            Collection<? extends java.security.cert.Certificate> read;
            try (InputStream in = Files.newInputStream(file)) {
                read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (NoSuchFileException e) {
                throw new IOException(file + " does not exist; copy the CA certificate of the backend's TLS certificate there", e);
            } catch (AccessDeniedException e) {
                throw new IOException(file + " cannot be read (permission denied); let the kiosk's user read it", e);
            } catch (CertificateException e) {
                throw new IOException(file + " is not a PEM certificate; " + PEM_FIX, e);
            }
            List<X509Certificate> x509 = read.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
            if (x509.isEmpty()) {
                throw new IOException(file + " holds no certificate; " + PEM_FIX);
            }
            certificates.addAll(x509);
        }
        return List.copyOf(certificates);
    }

    /**
     * A TLS context that trusts exactly {@code cas}, or the Java runtime's CAs when {@code cas} is empty, and whose
     * refusals carry a reason {@link #refusal(Throwable)} finds.
     */
    static SSLContext sslContext(List<X509Certificate> cas) {
        try {
            KeyStore store = null;
            if (!cas.isEmpty()) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    store.setCertificateEntry("backend-ca-" + i, cas.get(i));
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            // null: the Java runtime's trust store
            factory.init(store);
            X509ExtendedTrustManager pkix = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x) {
                    pkix = x;
                }
            }
            if (pkix == null) {
                throw new IllegalStateException("the Java runtime offers no X.509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ExplainingTrustManager(pkix)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the Java runtime cannot set up TLS (" + e.getMessage() + ")", e);
        }
    }

    /** The plain-words reason a backend's certificate was refused, found in {@code failure}'s causes; empty if it was not. */
    static Optional<String> refusal(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof RefusedCertificateException r) {
                return Optional.of(r.getMessage());
            }
        }
        return Optional.empty();
    }

    /** A certificate refusal whose message is the reason in plain words and the fix. */
    private static final class RefusedCertificateException extends CertificateException {
        RefusedCertificateException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** Checks the chain as the PKIX trust manager does, and says in plain words why one is refused. */
    private static final class ExplainingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager pkix;

        ExplainingTrustManager(X509ExtendedTrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkChain(chain, authType);
            try {
                pkix.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw new RefusedCertificateException(withHost(chain, engine == null ? null : engine.getPeerHost(), e), e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkChain(chain, authType);
            try {
                pkix.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                String host = socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
                        ? ssl.getHandshakeSession().getPeerHost() : null;
                throw new RefusedCertificateException(withHost(chain, host, e), e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkChain(chain, authType);
        }

        /** The chain alone, no host name: expired, not yet valid, or not issued by a trusted CA. */
        private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                pkix.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw new RefusedCertificateException(chainProblem(chain, e), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    private static String chainProblem(X509Certificate[] chain, CertificateException e) {
        if (chain == null || chain.length == 0) {
            return "the backend sent no certificate; have its operator configure one for https";
        }
        for (int i = 0; i < chain.length; i++) {
            try {
                chain[i].checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException x) {
                String whose = i == 0 ? "the backend's certificate" : "the certificate of its CA " + chain[i].getSubjectX500Principal().getName();
                String when = "valid from " + chain[i].getNotBefore().toInstant() + " to " + chain[i].getNotAfter().toInstant();
                return x instanceof CertificateExpiredException
                        ? whose + " has expired (" + when + "); have the backend's operator renew it, or set this kiosk's clock right"
                        : whose + " is not valid yet (" + when + "); set this kiosk's clock right";
            }
        }
        if (expiryIn(e)) {
            return "a certificate on the backend's chain is out of date; have the backend's operator renew it, or set this kiosk's clock right";
        }
        return "the backend's certificate (issued by " + chain[0].getIssuerX500Principal().getName()
                + ") is not signed by a CA this kiosk trusts; add the CA's certificate to backend.caCertificates";
    }

    private static boolean expiryIn(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || (t instanceof CertPathValidatorException v && (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID))) {
                return true;
            }
        }
        return false;
    }

    /** The chain passed alone, so the host name is the likely cause; said so only when the certificate does not name it. */
    private static String withHost(X509Certificate[] chain, String host, CertificateException e) {
        List<String> names = names(chain[0]);
        if (host != null && names.stream().noneMatch(n -> covers(n, host.toLowerCase(Locale.ROOT)))) {
            return "the backend's certificate is for " + (names.isEmpty() ? "no host name" : String.join(", ", names)) + ", not for "
                    + host + "; write one of its names in backend.url, or have the backend's operator get a certificate for " + host;
        }
        return "the backend's certificate was refused (" + e.getMessage() + "); show this to the backend's operator";
    }

    /** The DNS names and IP addresses the certificate is for, lower case; wildcards as written. */
    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> a : alternatives) {
                    int tag = (Integer) a.get(0);
                    if (tag == DNS_NAME || tag == IP_ADDRESS) {
                        names.add(a.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension names nothing
            return List.of();
        }
        return names;
    }

    /** RFC 6125: a name covers the host when equal, or when it is {@code *.rest} and the host is one label more than rest. */
    private static boolean covers(String name, String host) {
        if (name.startsWith("*.")) {
            String rest = name.substring(1);
            return host.endsWith(rest) && host.length() > rest.length() && host.indexOf('.') == host.length() - rest.length();
        }
        return name.equals(host);
    }
}
