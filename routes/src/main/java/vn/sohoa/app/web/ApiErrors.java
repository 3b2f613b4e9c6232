package vn.sohoa.app.web;

import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.sohoa.app.records.NotFoundException;
import vn.sohoa.pipeline.RejectedScanException;

/** Errors as RFC 9457 problem details that say what happened, never a stack trace. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ProcessingEvents.TooManyListenersException.class)
    public ProblemDetail tooManyListeners(ProcessingEvents.TooManyListenersException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "quá nhiều luồng sự kiện đang mở ("
                + e.getMessage() + "): đóng bớt các trang đang theo dõi hồ sơ");
    }

    /** The broker did not take an upload's job: nothing was queued, the same upload may be sent again. */
    @ExceptionHandler(AmqpException.class)
    public ProblemDetail brokerUnavailable(AmqpException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "hàng đợi số hóa chưa nhận tệp (the work"
                + " queue did not take the file, " + e.getMessage() + "): gửi lại sau ít phút");
    }

    @ExceptionHandler(RejectedScanException.class)
    public ProblemDetail rejected(RejectedScanException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setProperty("reason", e.reason().name());
        return problem;
    }
}
