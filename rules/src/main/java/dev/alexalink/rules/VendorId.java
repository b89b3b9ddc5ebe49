package dev.alexalink.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/** The Amazon developer account's vendor ID, the last segment of every Alexa redirect URL. */
public final class VendorId {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,64}");

    private VendorId() {}

    /** Why the value is not a vendor ID, or empty when it is one. */
    public static Optional<String> problem(String vendorId) {
        Optional<String> variable = Placeholders.unresolvedVariable(vendorId);
        if (variable.isPresent()) {
            return Optional.of(Placeholders.explain(variable.get(), "vendor ID '" + SafeText.of(vendorId) + "'"));
        }
        if (vendorId == null || !FORMAT.matcher(vendorId).matches()) {
            return Optional.of("vendor ID '" + SafeText.of(vendorId) + "' must be 1 to 64 letters and digits"
                    + " (the vendor ID of your Amazon developer account, e.g. M2AAAAAAAAAAAA)");
        }
        return Optional.empty();
    }
}
