package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * One's own access keys: create (the secret shown once, with AWS's .csv download), activate or
 * deactivate, delete after a confirmation. The secret is never stored in clear: the domain seals
 * it, and the .csv is a {@code data:} link in the page that answers the creation, which is not
 * cached and cannot be fetched again. The root user is told that root access keys are not recommended.
 */
public final class AccessKeyPages implements ConsolePages {

    private final ConsoleContext console;
    private final OwnCredentials own;

    public AccessKeyPages(ConsoleContext console) {
        this.console = console;
        this.own = new OwnCredentials(console);
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/security-credentials/access-keys/create", Access.SIGNED_IN,
                request -> createForm(request, HttpStatus.OK, ""));
        routes.post("/security-credentials/access-keys/create", Access.SIGNED_IN, this::create);
        routes.post("/security-credentials/access-keys/status", Access.SIGNED_IN, this::changeStatus);
        routes.get("/security-credentials/access-keys/delete", Access.SIGNED_IN, this::confirmDeletion);
        routes.post("/security-credentials/access-keys/delete", Access.SIGNED_IN, this::delete);
    }

    private void createForm(ConsoleRequest request, HttpStatus status, String error) {
        request.render(status, "access-key-create.jte", "Create access key", Map.of("root", request.caller().isRoot(),
                "error", error));
    }

    private void create(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:CreateAccessKey");
        if (request.caller().isRoot() && request.form("understood").isEmpty()) {
            createForm(request, HttpStatus.BAD_REQUEST, "Confirm that you understand why root user access keys are not"
                    + " recommended, or use an IAM user's keys instead.");
            return;
        }
        NewAccessKey created;
        try {
            created = console.services().accessKeys().createAccessKey(request.principal(), request.origin());
        } catch (LimitExceededException full) {
            createForm(request, ConsoleErrors.status(full), "You already have " + AccessKey.MAXIMUM_PER_PRINCIPAL
                    + " access keys, the most allowed. Delete one you no longer use first.");
            return;
        }
        String id = created.key().id().value();
        // AWS's file: a header line, then the key's ID and secret.
        String csv = "Access key ID,Secret access key\n" + id + "," + created.secret().reveal() + "\n";
        String fileName = request.caller().userName().map(name -> name.value() + "_accessKeys.csv").orElse("rootkey.csv");
        request.render("access-key-created.jte", "Retrieve access keys", Map.of("id", id,
                "secret", created.secret().reveal(), "fileName", fileName,
                "csvDataUrl", "data:text/csv;charset=utf-8;base64,"
                        + Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))));
    }

    private void changeStatus(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:UpdateAccessKey");
        AccessKeyStatus status = AccessKeyStatus.fromAwsName(request.form("status"));
        console.services().accessKeys().updateAccessKey(request.principal(), keyId(request.form("key")), status,
                request.origin());
        request.redirect(ConsolePaths.withQuery(ConsolePaths.SECURITY_CREDENTIALS, "done",
                status == AccessKeyStatus.ACTIVE ? "key-activated" : "key-deactivated"));
    }

    private void confirmDeletion(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:ListAccessKeys");
        AccessKey key = own.accessKey(request.principal(), request.query("key"))
                .orElseThrow(() -> new NoSuchEntityException("You have no access key with that ID."));
        request.render("access-key-delete.jte", "Delete access key", Map.of("row", AccessKeyRow.of(key, "", "")));
    }

    private void delete(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:DeleteAccessKey");
        console.services().accessKeys().deleteAccessKey(request.principal(), keyId(request.form("key")), request.origin());
        request.redirect(ConsolePaths.withQuery(ConsolePaths.SECURITY_CREDENTIALS, "done", "key-deleted"));
    }

    private static AccessKeyId keyId(String typed) {
        try {
            return AccessKeyId.of(typed);
        } catch (ValidationException malformed) {
            throw new NoSuchEntityException("You have no access key with that ID.");
        }
    }
}
