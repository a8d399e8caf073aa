package dev.gatehouse.core.error;

/** The account's credential report is older than AWS keeps one, four hours (410). */
public final class ReportExpiredException extends GatehouseException {

    public ReportExpiredException(String message) {
        super(ErrorCode.REPORT_EXPIRED, message);
    }
}
