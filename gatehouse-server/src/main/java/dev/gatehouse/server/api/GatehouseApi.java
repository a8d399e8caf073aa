package dev.gatehouse.server.api;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.server.Endpoints;
import dev.gatehouse.server.api.iam.MfaDeviceActions;
import dev.gatehouse.server.api.iam.MfaDeviceOwners;
import dev.gatehouse.server.api.iam.MfaDeviceQueryActions;
import dev.gatehouse.server.api.iam.MfaDeviceTagActions;
import dev.gatehouse.server.api.iam.AccountActions;
import dev.gatehouse.server.api.iam.AccessKeyActions;
import dev.gatehouse.server.api.iam.PasswordActions;
import dev.gatehouse.server.api.iam.UserActions;
import dev.gatehouse.server.api.iam.UserTagActions;
import dev.gatehouse.server.api.sts.StsActions;
import dev.gatehouse.server.metrics.ApiMetrics;
import dev.gatehouse.server.metrics.SecurityMetrics;
import dev.gatehouse.server.query.QueryEndpoint;
import dev.gatehouse.server.query.QueryService;
import dev.gatehouse.server.query.ServiceModel;
import dev.gatehouse.server.sigv4.SigV4Verifier;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Handler;

/** The IAM and STS query API over the domain: what {@code serve} puts on its port. */
public final class GatehouseApi {

    private GatehouseApi() {
    }

    /**
     * The API with its own recorder of access-key uses, flushed every second and once more when the
     * server that serves it closes.
     */
    public static Endpoints endpoints(IdentityServices services, Authorizer authorizer, MeterRegistry registry) {
        AccessKeyUseRecorder uses = AccessKeyUseRecorder.flushingEvery(Duration.ofSeconds(1), services.accessKeys(), services.clock());
        return new RecordingEndpoints(endpoints(services, authorizer, registry, uses), uses);
    }

    /** The API's endpoints together with the recorder they note key uses in, closed with the server. */
    private record RecordingEndpoints(Endpoints api, AccessKeyUseRecorder uses) implements Endpoints, AutoCloseable {
        @Override
        public void addTo(RoutesConfig routes) {
            api.addTo(routes);
        }

        @Override
        public Optional<Handler> ahead() {
            return api.ahead();
        }

        @Override
        public void close() {
            uses.close();
        }
    }

    /** The API noting key uses in {@code uses}, which the caller flushes and closes. */
    public static Endpoints endpoints(IdentityServices services, Authorizer authorizer, MeterRegistry registry,
            AccessKeyUseRecorder uses) {
        services.audit().observe(new SecurityMetrics(registry));
        ActionTable iam = new ActionTable("iam", authorizer, Optional.of(uses), services.store());
        new UserActions(services.users(), services.accounts()).addTo(iam);
        new UserTagActions(services.users()).addTo(iam);
        new AccessKeyActions(services.accessKeys(), services.users()).addTo(iam);
        new PasswordActions(services.passwords(), services.accounts(), services.users()).addTo(iam);
        new AccountActions(services.accounts(), services.credentialReports()).addTo(iam);
        MfaDeviceOwners mfaDeviceOwners = new MfaDeviceOwners(services.users(), services.accounts());
        new MfaDeviceActions(services.mfaDevices(), mfaDeviceOwners).addTo(iam);
        new MfaDeviceQueryActions(services.mfaDevices(), mfaDeviceOwners).addTo(iam);
        new MfaDeviceTagActions(services.mfaDevices()).addTo(iam);

        ActionTable sts = new ActionTable("sts", authorizer, Optional.of(uses), services.store());
        new StsActions(services.sessionTokens()).addTo(sts);

        Set<String> knownActions = new HashSet<>(ServiceModel.iam().operationNames());
        knownActions.addAll(ServiceModel.sts().operationNames());
        CachedCallerLookup callers = new CachedCallerLookup(new CallerLookup(services), services.clock(),
                CachedCallerLookup.DEFAULT_TIME_TO_LIVE);
        services.audit().observe(callers);
        SigV4Verifier<Caller> verifier = new SigV4Verifier<>(services.clock(), callers, Set.of("iam", "sts"));
        return new QueryEndpoint<>(verifier,
                List.of(new QueryService<>("iam", ServiceModel.iam(), iam.handlers()),
                        new QueryService<>("sts", ServiceModel.sts(), sts.handlers())),
                new DomainErrors(), new ApiMetrics(registry, knownActions));
    }
}
