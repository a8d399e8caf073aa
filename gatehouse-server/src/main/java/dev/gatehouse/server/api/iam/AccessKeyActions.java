package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyService;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.core.user.UserService;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Inputs;
import dev.gatehouse.server.api.Shapes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. */
public final class AccessKeyActions {

    /** What AWS answers for the region and service of a key never used. */
    private static final String NOT_APPLICABLE = "N/A";

    private final AccessKeyService accessKeys;
    private final Principals principals;

    public AccessKeyActions(AccessKeyService accessKeys, UserService users) {
        this.accessKeys = accessKeys;
        this.principals = new Principals(users);
    }

    public void addTo(ActionTable table) {
        table.add("CreateAccessKey", this::createAccessKey)
                .addRead("ListAccessKeys", this::listAccessKeys)
                .add("UpdateAccessKey", this::updateAccessKey)
                .add("DeleteAccessKey", this::deleteAccessKey)
                .addRead("GetAccessKeyLastUsed", this::getAccessKeyLastUsed);
    }

    private Map<String, ?> createAccessKey(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        NewAccessKey created = accessKeys.createAccessKey(subject.principal(), request.origin());
        Map<String, Object> shape = metadata(created.key(), subject.userName());
        // The only time the secret leaves the store: AWS shows it once, at creation.
        shape.put("SecretAccessKey", created.secret().reveal());
        return Map.of("AccessKey", shape);
    }

    private Map<String, ?> listAccessKeys(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        Page<AccessKey> page = Page.of(accessKeys.listAccessKeys(subject.principal()), Inputs.marker(request.input()),
                Inputs.maxItems(request.input()), AccessKeyActions::listingOrder);
        return Shapes.page("AccessKeyMetadata", page, key -> metadata(key, subject.userName()));
    }

    private Map<String, ?> updateAccessKey(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        accessKeys.updateAccessKey(subject.principal(), keyId(request),
                AccessKeyStatus.fromAwsName(request.input().requiredString("Status")), request.origin());
        return Map.of();
    }

    private Map<String, ?> deleteAccessKey(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        accessKeys.deleteAccessKey(subject.principal(), keyId(request), request.origin());
        return Map.of();
    }

    /**
     * The key may be any principal's in the account; the caller must be allowed to manage that
     * principal's keys, which is only known once the key is found. Another account's key is
     * NoSuchEntity, as if it did not exist.
     */
    private Map<String, ?> getAccessKeyLastUsed(ApiRequest request) {
        AccessKeyId id = keyId(request);
        Optional<AccessKey> found = accessKeys.findAccessKey(request.account(), id);
        if (found.isEmpty()) {
            // Asking about an unknown key is asking about nothing but one's own; AWS answers NoSuchEntity.
            request.authorize(request.caller().arn(), Optional.of(request.caller().principal()));
            throw new NoSuchEntityException("The Access Key with id " + id + " cannot be found.");
        }
        AccessKey key = found.get();
        Optional<UserName> owner = principals.userNameOf(key.principal());
        principals.authorizeOn(request, key.principal(), owner);
        Map<String, Object> lastUsed = new LinkedHashMap<>();
        key.lastUsed().ifPresent(at -> lastUsed.put("LastUsedDate", at));
        lastUsed.put("ServiceName", Optional.ofNullable(key.lastUsedService()).orElse(NOT_APPLICABLE));
        lastUsed.put("Region", Optional.ofNullable(key.lastUsedRegion()).orElse(NOT_APPLICABLE));
        Map<String, Object> result = new LinkedHashMap<>();
        owner.ifPresent(name -> result.put("UserName", name.value()));
        result.put("AccessKeyLastUsed", lastUsed);
        return result;
    }

    /** The store lists keys by creation time, then ID; this key sorts as text in that same order. */
    private static String listingOrder(AccessKey key) {
        return String.format("%020d/%s", key.createdAt().toEpochMilli(), key.id().value());
    }

    private static AccessKeyId keyId(ApiRequest request) {
        return AccessKeyId.of(request.input().requiredString("AccessKeyId"));
    }

    /** The {@code AccessKeyMetadata} shape; the root user's keys carry no user name, as AWS shows them. */
    private static Map<String, Object> metadata(AccessKey key, Optional<UserName> owner) {
        Map<String, Object> shape = new LinkedHashMap<>();
        owner.ifPresent(name -> shape.put("UserName", name.value()));
        shape.put("AccessKeyId", key.id().value());
        shape.put("Status", key.status().awsName());
        shape.put("CreateDate", key.createdAt());
        return shape;
    }
}
