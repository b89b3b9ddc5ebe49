package dev.alexalink.rules;

/**
 * Offending values are quoted in error messages and logs. Control, format (bidi) and line-separator characters are
 * shown escaped, and long values are cut, so that a crafted value cannot forge log lines or bloat responses.
 */
public final class SafeText {

    static final int MAX_LENGTH = 300;

    private SafeText() {}

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            if (out.length() >= MAX_LENGTH && i < value.length() - 1) {
                if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                return out + "…";
            }
        }
        return out.toString();
    }

    /**
     * The text with {@code &}, {@code <} and {@code >} written as {@code \\u0026}, {@code \\u003c} and {@code \\u003e},
     * for a message that Keycloak renders as HTML: its error page prints a refusal's detail through kcSanitize, which
     * first decodes HTML entities and then keeps links and images. Written this way, a quoted value stays text.
     */
    public static String forErrorPage(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
