package vn.sohoa.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The answer to a refused sign-in, the same for the form and HTTP Basic: 429 with Retry-After for a
 * throttled client, otherwise one 401 for every reason (no Basic challenge: a browser would pop up its own
 * dialog over the sign-in form).
 */
public class SignInRefusal implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        answer(response, exception);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        answer(response, exception);
    }

    private static void answer(HttpServletResponse response, AuthenticationException exception) throws IOException {
        if (exception instanceof SignInThrottle.Throttled throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            json(response, 429, "{\"detail\":\"Đăng nhập sai quá nhiều lần từ địa chỉ này; thử lại sau "
                    + throttled.retryAfterSeconds() + " giây\"}");
        } else {
            json(response, 401, "{\"detail\":\"Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa\"}");
        }
    }

    static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
