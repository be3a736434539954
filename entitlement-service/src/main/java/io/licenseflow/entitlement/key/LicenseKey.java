package io.licenseflow.entitlement.key;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A license key: 27 random Crockford base32 characters (135 bits) and a check character (Luhn mod 32), shown as
 * {@code LF-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX}. Typing is forgiving: case, dashes and spaces do not matter, and the
 * look-alikes O, I and L read as 0, 1 and 1. One mistyped character, or two adjacent ones swapped, fails the check
 * before any lookup. The {@code LF-} prefix lets secret scanners recognise a leaked key.
 */
public final class LicenseKey {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARACTERS = 27;
    private static final int LENGTH = RANDOM_CHARACTERS + 1;
    private static final String PREFIX = "LF";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String canonical;

    private LicenseKey(String canonical) {
        this.canonical = canonical;
    }

    public static LicenseKey generate() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new LicenseKey(key.append(checkCharacter(key)).toString());
    }

    /** The key a person typed or pasted, or empty when it cannot be one (wrong length, alphabet or check character). */
    public static Optional<LicenseKey> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String text = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (text.startsWith(PREFIX) && text.length() == LENGTH + PREFIX.length()) {
            text = text.substring(PREFIX.length());
        }
        if (text.length() != LENGTH) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (char c : text.toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            canonical.append(read);
        }
        char check = canonical.charAt(LENGTH - 1);
        return checkCharacter(canonical.subSequence(0, RANDOM_CHARACTERS)) == check ? Optional.of(new LicenseKey(canonical.toString()))
                : Optional.empty();
    }

    /** Luhn mod N over the alphabet (N = 32): catches every single-character error and most adjacent transpositions. */
    static char checkCharacter(CharSequence characters) {
        int factor = 2;
        int sum = 0;
        for (int i = characters.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(characters.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return ALPHABET.charAt((32 - sum % 32) % 32);
    }

    /** The form stored (hashed) and compared: 28 characters, no prefix or dashes. */
    public String canonical() {
        return canonical;
    }

    /** The form given to people: LF-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX. */
    public String display() {
        StringBuilder shown = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i += 4) {
            shown.append('-').append(canonical, i, i + 4);
        }
        return shown.toString();
    }

    /** The first group (20 of 135 random bits): enough to tell keys apart in a support conversation, too little to guess the rest. */
    public String prefix() {
        return PREFIX + "-" + canonical.substring(0, 4);
    }

    /** Never the key itself: keys must not reach logs through a careless string concatenation. */
    @Override
    public String toString() {
        return prefix() + "-****";
    }
}
