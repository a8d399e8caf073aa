package dev.gatehouse.server.api;

import dev.gatehouse.core.error.ErrorCode;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.server.query.ApiError;
import dev.gatehouse.server.query.ApiErrorMapper;
import java.util.Optional;

/**
 * The one place where domain failures become AWS errors: each {@link GatehouseException} carries
 * its code and status. A storage failure keeps its details for the log and tells the caller only
 * what AWS would.
 */
public final class DomainErrors implements ApiErrorMapper {

    @Override
    public Optional<ApiError> map(RuntimeException exception) {
        if (!(exception instanceof GatehouseException domain)) {
            return Optional.empty();
        }
        ErrorCode code = domain.errorCode();
        if (code == ErrorCode.SERVICE_FAILURE) {
            return Optional.of(ApiError.internal());
        }
        return Optional.of(new ApiError(code.awsCode(), domain.getMessage(), code.httpStatus()));
    }
}
