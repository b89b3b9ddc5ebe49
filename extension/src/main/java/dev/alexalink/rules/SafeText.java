package dev.alexalink.rules;

/**
 * Offending values are quoted in error messages and logs. Control, format (bidi) and line-separator characters are
 * shown escaped, and long values are cut, so that a crafted value cannot forge log lines or bloat responses.
 */
public final class SafeText {

    static final int MAX_LENGTH = 300;

    private SafeText() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
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
}
