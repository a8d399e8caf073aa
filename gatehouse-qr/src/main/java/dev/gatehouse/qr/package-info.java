/** QR codes of otpauth:// key URIs. */
package dev.gatehouse.qr;
