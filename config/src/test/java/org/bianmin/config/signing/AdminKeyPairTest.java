package org.bianmin.config.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** An admin key pair is written as PEM, read back as the same keys, and any other file is refused in one clear line. */
class AdminKeyPairTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenPairReadsBackAsTheSameKeysWithTheSameKeyId() {
        AdminKeyPair pair = AdminKeyPair.generate();
        pair.write(dir.resolve("admin.key"), dir.resolve("admin.pub"));

        AdminKeyPair read = AdminKeyPair.read(dir.resolve("admin.key"));
        PublicKey publicKey = AdminKeyPair.readPublicKey(dir.resolve("admin.pub"));

        assertEquals(pair, read);
        assertEquals(pair.publicKey(), publicKey);
        assertEquals(pair.keyId(), AdminKeyPair.keyId(publicKey));
    }

    @Test
    void theKeyIdIsTheFirst16HexDigitsOfTheSha256OfThePublicKeysEncoding() throws Exception {
        AdminKeyPair pair = AdminKeyPair.generate();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.publicKey().getEncoded());

        assertEquals(HexFormat.of().formatHex(digest).substring(0, 16), pair.keyId());
        assertTrue(pair.keyId().matches("[0-9a-f]{16}"));
    }

    @Test
    void thePublicKeyDerivedFromAPrivateKeyVerifiesItsSignatures() throws Exception {
        AdminKeyPair pair = AdminKeyPair.generate();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.privateKey());
        signer.update("便民".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(AdminKeyPair.of(pair.privateKey()).publicKey());
        verifier.update("便民".getBytes(StandardCharsets.UTF_8));

        assertTrue(verifier.verify(signature));
    }

    @Test
    void thePrivateKeyFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "a POSIX file system");
        AdminKeyPair.generate().write(dir.resolve("keys/admin.key"), dir.resolve("keys/admin.pub"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/admin.key"))));
    }

    @Test
    void filesArePemWithTheirStandardLabels() throws Exception {
        AdminKeyPair.generate().write(dir.resolve("admin.key"), dir.resolve("admin.pub"));

        assertTrue(Files.readString(dir.resolve("admin.key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("admin.pub")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    }

    @Test
    void anExistingKeyIsNeverOverwritten() throws Exception {
        Path key = Files.writeString(dir.resolve("admin.key"), "the old key");

        SigningException e = assertThrows(SigningException.class,
                () -> AdminKeyPair.generate().write(key, dir.resolve("admin.pub")));

        assertEquals(key + ": already exists; an admin key is never overwritten: move the old key pair away first, or write "
                + "the new one to other files", e.getMessage());
        assertEquals("the old key", Files.readString(key));
        assertFalse(Files.exists(dir.resolve("admin.pub")));
    }

    @Test
    void aPublicKeyFileGivenAsThePrivateKeyIsRefused() {
        AdminKeyPair.generate().write(dir.resolve("admin.key"), dir.resolve("admin.pub"));

        assertRefused(() -> AdminKeyPair.read(dir.resolve("admin.pub")), dir.resolve("admin.pub")
                + ": holds a public key where a private key is needed; give the admin's private key file (the one only the admin "
                + "keeps), not the .pub file");
    }

    @Test
    void aPrivateKeyFileGivenAsThePublicKeyIsRefused() {
        AdminKeyPair.generate().write(dir.resolve("admin.key"), dir.resolve("admin.pub"));

        assertRefused(() -> AdminKeyPair.readPublicKey(dir.resolve("admin.key")), dir.resolve("admin.key")
                + ": holds a private key where a public key is needed; give the admin's public key file, and keep the private "
                + "key off the kiosk");
    }

    @Test
    void anRsaKeyIsRefusedAsNotEd25519() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        Path priv = Files.writeString(dir.resolve("rsa.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path pub = Files.writeString(dir.resolve("rsa.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path pkcs1 = Files.writeString(dir.resolve("rsa1.key"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        assertRefused(() -> AdminKeyPair.read(priv),
                priv + ": holds an RSA key, but admin keys are Ed25519; make an admin key pair with ./kiosk admin keygen");
        assertRefused(() -> AdminKeyPair.readPublicKey(pub),
                pub + ": holds an RSA key, but admin keys are Ed25519; make an admin key pair with ./kiosk admin keygen");
        assertRefused(() -> AdminKeyPair.read(pkcs1),
                pkcs1 + ": holds an RSA key, but admin keys are Ed25519; make an admin key pair with ./kiosk admin keygen");
    }

    @Test
    void anEd448KeyIsRefusedAsNotEd25519() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        Path pub = Files.writeString(dir.resolve("ed448.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertRefused(() -> AdminKeyPair.readPublicKey(pub),
                pub + ": holds an Ed448 key, but admin keys are Ed25519; make an admin key pair with ./kiosk admin keygen");
    }

    @Test
    void aFileCutShortIsRefusedAsCutShort() throws Exception {
        AdminKeyPair.generate().write(dir.resolve("admin.key"), dir.resolve("admin.pub"));
        String whole = Files.readString(dir.resolve("admin.pub"));
        Path cut = Files.writeString(dir.resolve("cut.pub"), whole.substring(0, whole.length() / 2));

        assertRefused(() -> AdminKeyPair.readPublicKey(cut), cut
                + ": is cut short (no -----END PUBLIC KEY----- line); copy the whole file again from where the key is kept");
    }

    @Test
    void aFileWithLinesMissingInsideIsRefusedAsDamaged() throws Exception {
        AdminKeyPair.generate().write(dir.resolve("admin.key"), dir.resolve("admin.pub"));
        Path damaged = Files.writeString(dir.resolve("damaged.key"),
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2Vw\n-----END PRIVATE KEY-----\n");

        assertRefused(() -> AdminKeyPair.read(damaged),
                damaged + ": is damaged (its contents are not a key); copy the whole file again from where the key is kept");
    }

    @Test
    void textThatIsNotPemIsRefused() throws Exception {
        Path yaml = Files.writeString(dir.resolve("kiosk.yaml"), "identity:\n  kioskId: kiosk-01\n");
        Path der = Files.write(dir.resolve("admin.der"), AdminKeyPair.generate().publicKey().getEncoded());

        assertRefused(() -> AdminKeyPair.readPublicKey(yaml),
                yaml + ": is not a PEM key file (it has no -----BEGIN line); give the file written by ./kiosk admin keygen");
        assertRefused(() -> AdminKeyPair.readPublicKey(der), der + ": is not a PEM text file (it holds binary data); give the "
                + ".pem file written by ./kiosk admin keygen, not a DER or keystore file");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path missing = dir.resolve("nowhere.pub");

        assertRefused(() -> AdminKeyPair.readPublicKey(missing), missing
                + ": does not exist; give the path of an admin key file, or make an admin key pair with ./kiosk admin keygen");
    }

    @Test
    void theTextOfAPairNamesItsKeyIdAndNeverItsPrivateKey() {
        AdminKeyPair pair = AdminKeyPair.generate();

        assertEquals("AdminKeyPair[keyId=" + pair.keyId() + "]", pair.toString());
    }

    private static void assertRefused(Executable reading, String message) {
        SigningException e = assertThrows(SigningException.class, reading);
        assertEquals(message, e.getMessage());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
