package dev.gatehouse.http;

/** Extracts the token from an {@code Authorization} header value without ever logging or echoing it. */
final class BearerToken {

    private BearerToken() {
    }

    /**
     * The token of {@code Bearer <token>} (the scheme in any case, as RFC 7235 allows), or, where
     * {@code bareTokenAllowed}, the whole value when it has no scheme; null when there is no usable token.
     */
    static String from(String header, boolean bareTokenAllowed) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        int space = firstWhitespace(value);
        if (space < 0) {
            return bareTokenAllowed && !value.isEmpty() && !value.equalsIgnoreCase("Bearer") ? value : null;
        }
        if (!value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return null;
        }
        String token = value.substring(space).strip();
        return token.isEmpty() || firstWhitespace(token) >= 0 ? null : token;
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
