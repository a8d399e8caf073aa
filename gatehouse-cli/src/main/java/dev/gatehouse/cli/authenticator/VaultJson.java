package dev.gatehouse.cli.authenticator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.OtpType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext inside a vault: JSON (UTF-8, as Jackson always writes bytes), one object per entry
 * with the fields of a key URI spelled out, so the content stays readable and explicit.
 *
 * <pre>{"entries":[{"name":"aws-root","type":"TOTP","issuer":null,"account":"root@123456789012",
 *   "secret":"BASE32","algorithm":"SHA1","digits":6,"period":30,"counter":0}]}</pre>
 *
 * The tree model rather than data-binding records: a record holding the Base32 secret as a String
 * would print it in its {@code toString}.
 */
final class VaultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VaultJson() {
    }

    static byte[] write(Vault vault) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode entries = root.putArray("entries");
        for (VaultEntry entry : vault.entries()) {
            KeyUri key = entry.key();
            ObjectNode node = entries.addObject();
            node.put("name", entry.name());
            node.put("type", key.type().name());
            node.put("issuer", key.issuer());
            node.put("account", key.accountName());
            node.put("secret", key.secret().toBase32());
            node.put("algorithm", key.algorithm().name());
            node.put("digits", key.digits());
            if (key.type() == OtpType.TOTP) {
                node.put("period", key.period().getSeconds());
            } else {
                node.put("counter", key.counter());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError("A tree of strings and numbers always serializes", e);
        }
    }

    /**
     * @throws VaultFormatException if the JSON is not a list of valid entries; only a bug or a
     *     vault written by a different program can get here, since GCM authenticated the bytes
     */
    static Vault read(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode entries = root == null ? null : root.get("entries");
            if (entries == null || !entries.isArray()) {
                throw new VaultFormatException("damaged vault: its content has no list of entries");
            }
            List<VaultEntry> result = new ArrayList<>();
            for (JsonNode node : entries) {
                result.add(entry(node));
            }
            return Vault.of(result);
        } catch (IOException | IllegalArgumentException e) {
            // Not the message: it could quote a secret from the content.
            throw new VaultFormatException("damaged vault: its content cannot be read", e);
        }
    }

    private static VaultEntry entry(JsonNode node) {
        OtpType type = OtpType.valueOf(text(node, "type"));
        String issuer = node.hasNonNull("issuer") ? text(node, "issuer") : null;
        String account = text(node, "account");
        OtpSecret secret = OtpSecret.fromBase32(text(node, "secret"));
        HmacAlgorithm algorithm = HmacAlgorithm.valueOf(text(node, "algorithm"));
        int digits = number(node, "digits").intValue();
        KeyUri key = type == OtpType.TOTP
                ? new KeyUri(type, issuer, account, secret, algorithm, digits,
                        Duration.ofSeconds(number(node, "period").longValue()), 0)
                : KeyUri.hotp(issuer, account, secret, algorithm, digits, number(node, "counter").longValue());
        return new VaultEntry(text(node, "name"), key);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("entry field '" + field + "' is missing or not text");
        }
        return value.textValue();
    }

    private static Number number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("entry field '" + field + "' is missing or not a whole number");
        }
        return value.numberValue();
    }
}
