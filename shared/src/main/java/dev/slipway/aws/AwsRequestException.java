package dev.slipway.aws;

/** An AWS service refused a request or could not be reached (after retries, if the fault was transient). */
public class AwsRequestException extends RuntimeException {

    public AwsRequestException(String message) {
        super(message);
    }

    public AwsRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
