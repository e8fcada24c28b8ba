package io.firecheck.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded signing key for a machine without an identity provider: an RSA key pair whose private half
 * is created once, readable by its owner only, and whose public half is written beside it ({@code <key>.pub})
 * for smallrye-jwt to verify tokens with. The service and {@code bin/firecheck token} share it.
 */
public final class LocalKey {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private LocalKey() {
    }

    public static Path publicKeyPath(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** Reads the key at {@code path}, creating it first when there is none; (re)writes the public key. */
    public static KeyPair loadOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            restrictToOwner(path);
            PrivateKey privateKey = readPrivate(path);
            PublicKey publicKey = publicOf(privateKey);
            writePublic(publicKeyPath(path), publicKey);
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local signing key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the local signing key " + path + " is not an RSA private key in PEM", e);
        }
    }

    private static void create(Path path) throws IOException, GeneralSecurityException {
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                    : new FileAttribute<?>[0]);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pem = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        // CREATE_NEW with the permissions set at creation: the key is never readable by others, not even briefly,
        // and of two processes starting at once only one writes it
        FileAttribute<?>[] attrs = posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel out = Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
            out.write(ByteBuffer.wrap(pem));
        } catch (FileAlreadyExistsException raced) {
            // the other process created it; read theirs
        }
    }

    /** A key copied about with looser permissions is tightened rather than used as is. */
    private static void restrictToOwner(Path path) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    private static PrivateKey readPrivate(Path path) throws IOException, GeneralSecurityException {
        for (int attempt = 0; ; attempt++) {
            String text = Files.readString(path, StandardCharsets.US_ASCII);
            if (text.contains("-----END PRIVATE KEY-----") || attempt >= 20) {
                String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            }
            sleep(); // another process is still writing it
        }
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("not an RSA CRT private key");
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static void writePublic(Path target, PublicKey key) throws IOException {
        byte[] pem = pem("PUBLIC KEY", key.getEncoded());
        if (Files.exists(target) && java.util.Arrays.equals(Files.readAllBytes(target), pem)) {
            return;
        }
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".pub-", ".tmp");
        Files.write(tmp, pem);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
