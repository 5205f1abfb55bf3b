package dev.gatehouse.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds raw tokens in text, to prove they appear only where they should. */
final class Tokens {

    /** Any Gatehouse token: prefix, kind, then at least the 43 characters of the secret. */
    static final Pattern ANY = Pattern.compile("gth_(?:ak|wt|rt)_[0-9A-Za-z]{43,}");

    private Tokens() {
    }

    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ANY.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    static int occurrences(String text, String token) {
        int count = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            count++;
        }
        return count;
    }

    /** The token with one character of its secret changed: the same shape, a wrong checksum. */
    static String mutated(String token) {
        int at = token.length() - 10;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + changed + token.substring(at + 1);
    }

    /** The token with the first letter of its secret in the other case. */
    static String inOtherCase(String token) {
        for (int at = token.lastIndexOf('_') + 1; at < token.length(); at++) {
            char c = token.charAt(at);
            if (Character.isLetter(c)) {
                char other = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return token.substring(0, at) + other + token.substring(at + 1);
            }
        }
        throw new IllegalArgumentException("no letter in the token's secret");
    }
}
