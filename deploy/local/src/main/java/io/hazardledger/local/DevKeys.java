package io.hazardledger.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs the bearer tokens of a local stack. Generated on first start into the stack's run
 * folder (never committed); services verify with the public half, {@link DevTokens} signs with the private one.
 */
public record DevKeys(PrivateKey signingKey, Path verificationKeyFile) {
    private static final String PRIVATE_FILE = "signing-key.pem";
    private static final String PUBLIC_FILE = "verification-key.pem";

    /** The pair kept in {@code dir}, generated there when it is missing. */
    public static DevKeys inDirectory(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            generate(dir, privateFile, publicFile);
        }
        return new DevKeys(readPrivateKey(Files.readString(privateFile)), publicFile);
    }

    /** Reads a PKCS#8 PEM private key ("BEGIN PRIVATE KEY"). */
    public static PrivateKey readPrivateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
        }
    }

    public static PublicKey readPublicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key in X.509 PEM", e);
        }
    }

    private static void generate(Path dir, Path privateFile, Path publicFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(dir);
        // Written aside and moved, so a reader never sees half a key and the two halves always belong together.
        writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
