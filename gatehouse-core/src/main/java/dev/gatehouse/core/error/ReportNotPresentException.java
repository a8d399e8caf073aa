package dev.gatehouse.core.error;

/** No credential report has been generated for the account (410). */
public final class ReportNotPresentException extends GatehouseException {

    public ReportNotPresentException(String message) {
        super(ErrorCode.REPORT_NOT_PRESENT, message);
    }
}
