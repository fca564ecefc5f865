package com.weavecrm.customer;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Customer ids ({@code cid}): twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * eleven random and one check character, so a mistyped id is caught before it is looked up.
 * 31^11 ≈ 2.5 × 10^16 ids: collisions within a tenant are negligible, and the column is unique.
 */
@Component
public class CustomerIds {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        return next(random);
    }

    /** A new id drawn from {@code random} (the benchmark data generator draws from a seeded one). */
    public static String next(RandomGenerator random) {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH - 1; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        id[LENGTH - 1] = check(new String(id, 0, LENGTH - 1));
        return new String(id);
    }

    /** Whether {@code cid} is well-formed and its check character matches. */
    public static boolean isValid(String cid) {
        if (cid == null || cid.length() != LENGTH) {
            return false;
        }
        for (char c : cid.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return check(cid.substring(0, LENGTH - 1)) == cid.charAt(LENGTH - 1);
    }

    /** A weighted sum modulo 31 (a prime): catches any single wrong character and most swaps. */
    static char check(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }
}
