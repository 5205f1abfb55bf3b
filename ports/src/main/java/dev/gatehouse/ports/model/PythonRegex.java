package dev.gatehouse.ports.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a regular expression as Python's {@code re} module would compile it, since the Logfire SDK evaluates a
 * {@code value-matches-regex} condition with {@code re.search}: Python's own syntax ({@code (?P<name>...)},
 * {@code x{,3}}) is accepted, and Java's ({@code \p{Lu}}, {@code \Q...\E}, {@code (?<name>...)}) refused. The pattern
 * is read for what the two dialects spell differently and rewritten in Java's, which then judges its structure.
 */
public final class PythonRegex {

    /** The letters Python accepts after a backslash outside a character class. */
    private static final String LETTER_ESCAPES = "AbBdDsSwWZafnrtvxuUN";
    /** The letters Python accepts after a backslash inside a character class. */
    private static final String CLASS_LETTER_ESCAPES = "dDsSwWbafnrtvxuUN";
    private static final Set<Character> FLAGS = Set.of('a', 'i', 'L', 'm', 's', 'u', 'x');
    private static final Pattern BOUNDS = Pattern.compile("\\{(\\d*)(,?)(\\d*)}");

    private final String pattern;
    private final StringBuilder java = new StringBuilder();
    private final Map<String, String> groupNames = new HashMap<>();
    private int position;
    /** The capturing groups opened so far, which a numbered reference may name. */
    private int groups;

    private PythonRegex(String pattern) {
        this.pattern = pattern;
    }

    /** Why Python's {@code re.compile} would refuse {@code pattern}, or null where it compiles it. */
    public static String problem(String pattern) {
        try {
            String java = new PythonRegex(pattern).toJava();
            Pattern.compile(java);
            return null;
        } catch (Refused refused) {
            return refused.getMessage();
        } catch (PatternSyntaxException invalid) {
            return invalid.getDescription();
        }
    }

    private String toJava() {
        boolean inClass = false;
        boolean quantified = false;
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (c == '\\') {
                escape(inClass);
                quantified = false;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' || c == '&') {
                    // Literal in Python's classes, an operator in Java's (nested classes, intersection).
                    java.append('\\');
                }
                java.append(c);
                position++;
            } else if (c == '[') {
                inClass = true;
                java.append(c);
                position++;
                if (position < pattern.length() && pattern.charAt(position) == '^') {
                    java.append('^');
                    position++;
                }
                if (position < pattern.length() && pattern.charAt(position) == ']') {
                    java.append("\\]");
                    position++;
                }
            } else if (c == '(' && pattern.startsWith("(?", position)) {
                group();
                quantified = false;
            } else if (c == '(') {
                groups++;
                java.append(c);
                position++;
                quantified = false;
            } else if (c == '*' || c == '+' || c == '?') {
                quantifier(quantified, String.valueOf(c), 1);
                quantified = true;
            } else if (c == '{') {
                var bounds = BOUNDS.matcher(pattern).region(position, pattern.length());
                if (bounds.lookingAt() && (!bounds.group(1).isEmpty() || !bounds.group(3).isEmpty())) {
                    String lower = bounds.group(1).isEmpty() ? "0" : bounds.group(1);
                    quantifier(quantified, "{" + lower + bounds.group(2) + bounds.group(3) + "}",
                            bounds.end() - position);
                    quantified = true;
                } else {
                    // Not a repetition: Python reads the brace as itself.
                    java.append("\\{");
                    position++;
                    quantified = false;
                }
            } else {
                java.append(c);
                position++;
                quantified = false;
            }
        }
        return java.toString();
    }

    /** A repetition; one lazy ({@code ?}) or possessive ({@code +}) mark may follow it, another repetition not. */
    private void quantifier(boolean afterQuantifier, String javaText, int length) {
        if (afterQuantifier) {
            throw new Refused("multiple repeat at position " + position);
        }
        java.append(javaText);
        position += length;
        if (position < pattern.length() && (pattern.charAt(position) == '?' || pattern.charAt(position) == '+')) {
            java.append(pattern.charAt(position));
            position++;
        }
        if (position < pattern.length() && "*+?".indexOf(pattern.charAt(position)) >= 0) {
            throw new Refused("multiple repeat at position " + position);
        }
    }

    private void escape(boolean inClass) {
        if (position + 1 >= pattern.length()) {
            throw new Refused("bad escape (end of pattern) at position " + position);
        }
        char next = pattern.charAt(position + 1);
        boolean asciiLetter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        if (asciiLetter && (inClass ? CLASS_LETTER_ESCAPES : LETTER_ESCAPES).indexOf(next) < 0) {
            throw new Refused("bad escape \\" + next + " at position " + position);
        }
        if (next >= '0' && next <= '9') {
            numberEscape();
            return;
        }
        switch (next) {
            case 'x' -> hexEscape(2, "\\x");
            case 'u' -> hexEscape(4, "\\u");
            case 'U' -> hexEscape(8, null);
            case 'Z' -> {
                java.append("\\z");
                position += 2;
            }
            case 'b' -> {
                java.append(inClass ? "\\x08" : "\\b");
                position += 2;
            }
            case 'N' -> {
                int close = pattern.indexOf('}', position);
                if (!pattern.startsWith("{", position + 2) || close < 0) {
                    throw new Refused("missing character name at position " + position);
                }
                java.append(pattern, position, close + 1);
                position = close + 1;
            }
            default -> {
                java.append('\\').append(next);
                position += 2;
            }
        }
    }

    /**
     * A backslash and digits, as Python reads them: {@code \0} and up to two more octal digits, or three octal digits
     * starting 0 to 3, are a character's code; otherwise one or two digits refer to a group.
     */
    private void numberEscape() {
        int start = position + 1;
        int end = start;
        boolean octal;
        if (pattern.charAt(start) == '0') {
            end = start + 1;
            while (end < pattern.length() && end < start + 3 && isOctal(pattern.charAt(end))) {
                end++;
            }
            octal = true;
        } else if (start + 3 <= pattern.length() && pattern.charAt(start) <= '3' && isOctal(pattern.charAt(start))
                && isOctal(pattern.charAt(start + 1)) && isOctal(pattern.charAt(start + 2))) {
            end = start + 3;
            octal = true;
        } else {
            end = start + 1;
            if (end < pattern.length() && Character.isDigit(pattern.charAt(end))) {
                end++;
            }
            octal = false;
        }
        String digits = pattern.substring(start, end);
        if (!octal && Integer.parseInt(digits) > groups) {
            throw new Refused("invalid group reference " + digits + " at position " + position);
        }
        java.append(octal ? "\\x{" + Integer.toHexString(Integer.parseInt(digits, 8)) + "}" : "\\" + digits);
        position = end;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /** {@code \xhh}, {@code \\uhhhh} or {@code \Uhhhhhhhh}: exactly that many hex digits. */
    private void hexEscape(int digits, String javaPrefix) {
        int start = position + 2;
        int end = start + digits;
        if (end > pattern.length() || !pattern.substring(start, end).matches("[0-9a-fA-F]+")) {
            throw new Refused("incomplete escape \\" + pattern.charAt(position + 1) + " at position " + position);
        }
        String hex = pattern.substring(start, end);
        java.append(javaPrefix != null ? javaPrefix + hex : "\\x{" + hex + "}");
        position = end;
    }

    /** A parenthesis followed by {@code ?}: the extensions Python knows, rewritten where Java spells them otherwise. */
    private void group() {
        String rest = pattern.substring(position + 2);
        if (rest.startsWith("P<")) {
            int close = rest.indexOf('>');
            String name = close < 0 ? "" : rest.substring(2, close);
            if (!isIdentifier(name)) {
                throw new Refused("bad character in group name '" + name + "' at position " + position);
            }
            String javaName = groupNames.computeIfAbsent(name, unused -> "g" + (groupNames.size() + 1));
            groups++;
            java.append("(?<").append(javaName).append('>');
            position += 2 + close + 1;
        } else if (rest.startsWith("P=")) {
            int close = rest.indexOf(')');
            String name = close < 0 ? "" : rest.substring(2, close);
            String javaName = groupNames.get(name);
            if (javaName == null) {
                throw new Refused("unknown group name '" + name + "' at position " + position);
            }
            java.append("\\k<").append(javaName).append('>');
            position += 2 + close + 1;
        } else if (rest.startsWith("#")) {
            int close = rest.indexOf(')');
            if (close < 0) {
                throw new Refused("missing ), unterminated comment at position " + position);
            }
            position += 2 + close + 1;
        } else if (rest.startsWith(":") || rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=")
                || rest.startsWith("<!") || rest.startsWith(">")) {
            java.append("(?");
            position += 2;
        } else {
            flags(rest);
        }
    }

    /** {@code (?flags)} or {@code (?flags-flags:...)}, with Python's flag letters only. */
    private void flags(String rest) {
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ')' && rest.charAt(end) != ':') {
            char flag = rest.charAt(end);
            if (flag != '-' && !FLAGS.contains(flag)) {
                throw new Refused("unknown extension ?" + flag + " at position " + position);
            }
            end++;
        }
        if (end == 0 || end == rest.length()) {
            throw new Refused("missing flag or ) at position " + position);
        }
        // Java knows neither a (ASCII), L (locale) nor u (Unicode, Python's default for text): they are left out.
        String javaFlags = rest.substring(0, end).replaceAll("[aLu]", "");
        java.append("(?").append(javaFlags);
        position += 2 + end;
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isUnicodeIdentifierStart(name.codePointAt(0)) && name.charAt(0) != '_') {
            return false;
        }
        return name.codePoints().allMatch(c -> Character.isUnicodeIdentifierPart(c) || c == '_');
    }

    /** A construct Python refuses, which the whole check answers with its message. */
    private static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
