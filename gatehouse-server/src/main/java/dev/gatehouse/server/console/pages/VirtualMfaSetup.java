package dev.gatehouse.server.console.pages;

/**
 * What the authenticator app needs, shown once on the page that follows the device's creation:
 * the QR code as an inline PNG ({@code data:} URL, never a URL of ours that could be fetched
 * again or logged) and the Base32 secret key. Redacted in {@code toString}.
 */
public record VirtualMfaSetup(String qrCodeDataUrl, String secretKey) {

    @Override
    public String toString() {
        return "VirtualMfaSetup[redacted]";
    }
}
