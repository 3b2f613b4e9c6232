package vn.sohoa.app.intake;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The crash of {@link MailCrashEndToEndTest}, put into a {@code sohoa serve} of its own JVM with
 * SPRING_MAIN_SOURCES: the service's {@link ScanIntake} wrapped so that the JVM halts (no shutdown hook, no
 * finally, no Camel rollback, exit 137 as after kill -9) when the second mail attachment comes to be stored,
 * that is once the first is stored, queued and noted, and before the mail is marked read. A kill from outside
 * could not be timed to fall in that gap of milliseconds. Deliberately no {@code @Component}, so that the
 * in-process tests' component scan never picks it up.
 */
public class HaltBeforeSecondMailAttachment implements BeanPostProcessor {

    public static final String MARK = "HALT before storing the second mail attachment";

    private final AtomicInteger mailAttachments = new AtomicInteger();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ScanIntake)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (invocation.getMethod().getName().equals("accept") && "mail".equals(invocation.getArguments()[2])
                    && mailAttachments.incrementAndGet() == 2) {
                System.out.println(MARK + " " + ((Path) invocation.getArguments()[0]).getFileName());
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
            return invocation.proceed();
        });
        return proxy.getProxy();
    }
}
