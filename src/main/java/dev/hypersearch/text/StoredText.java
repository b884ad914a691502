package dev.hypersearch.text;

/**
 * The one rule for a client's string that is stored and shown again (a search name, a dataset reference, a
 * CSV column name): a single line of at most a given length, with no control characters (NUL included)
 * and no unpaired UTF-16 surrogates. Decided here, so every database answers the same: PostgreSQL refuses
 * NUL and stores a lone surrogate as '?', H2 keeps both.
 */
public final class StoredText {

    private StoredText() {
    }

    /** Why {@code s} cannot be stored, or null when it can. */
    public static String problem(String s, int maxLength) {
        if (s.length() > maxLength) {
            return "must be at most " + maxLength + " characters, had " + s.length();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters; found U+" + hex(c) + " at index " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode; found an unpaired surrogate U+" + hex(c) + " at index " + i;
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
