package com.weavecrm.platform.security;

import com.weavecrm.platform.database.WeaveProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals secrets the product must use later (a group bot's signing secret, a webhook URL holding an
 * access token) with AES-256-GCM before they are stored. The key comes from {@code WEAVE_SECRET_KEY}
 * (property {@code weave.secret-key}: 32 bytes in Base64, or any long passphrase, hashed to 32
 * bytes); without it, from {@code secret.key} in the data directory, generated at the first start.
 * Every server of a cluster needs the same key. A sealed value is bound to its {@code context} (for
 * example the tenant and record it belongs to), so it cannot be copied to another row.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(@Value("${weave.secret-key:}") String configured, WeaveProperties properties) {
        this.key = new SecretKeySpec(
                configured == null || configured.isBlank()
                        ? keyFile(properties.dataDir().resolve("secret.key"))
                        : fromText(configured.strip()),
                "AES");
    }

    /** The sealed form of {@code plain}: {@code v1:} and Base64 of nonce, ciphertext and tag. */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /** The plain text of a sealed value; fails when the key or the context differ from sealing. */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret (was WEAVE_SECRET_KEY changed?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    static byte[] fromText(String text) {
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // a passphrase, not Base64
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(
                            file,
                            Base64.getEncoder().encodeToString(fresh) + "\n",
                            java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                    restrict(file);
                    log.info("Generated the key that seals stored secrets: {} (keep it with the data)", file);
                } catch (FileAlreadyExistsException e) {
                    // another start won the race: use its key
                }
            }
            return fromText(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
