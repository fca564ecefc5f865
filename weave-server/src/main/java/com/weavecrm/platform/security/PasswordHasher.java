package com.weavecrm.platform.security;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes. Hashing is deliberately slow and memory-hard; at most a few run at once,
 * so a flood of sign-in attempts cannot exhaust the heap.
 */
@Component
public class PasswordHasher {

    private static final int CONCURRENT_HASHES = 4;

    private final Argon2PasswordEncoder encoder;
    private final Semaphore slots = new Semaphore(CONCURRENT_HASHES, true);
    private final String decoy;

    public PasswordHasher(SecurityProperties properties) {
        this.encoder =
                new Argon2PasswordEncoder(16, 32, 1, properties.argon2MemoryKib(), properties.argon2Iterations());
        this.decoy = encoder.encode("decoy password for unknown users");
    }

    public String hash(String password) {
        return withSlot(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return withSlot(() -> encoder.matches(password, hash));
    }

    /** Spends the same time as a real check, so unknown users cannot be told apart by timing. */
    public void matchDecoy(String password) {
        matches(password, decoy);
    }

    /** Whether a stored hash was made with weaker settings than today's and should be replaced. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    private <T> T withSlot(java.util.function.Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
