package dev.gatehouse.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Records every log line the shipped {@code logback.xml} lets through, fully rendered (message, arguments, MDC,
 * key-value pairs, stack traces), with Gatehouse's own loggers turned up to DEBUG. Not thread-safe to open or close.
 */
final class LogCapture implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger gatehouse = context.getLogger("dev.gatehouse");
    private final Level gatehouseLevel = gatehouse.getLevel();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    LogCapture() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger [%thread] %mdc %kvp %msg%n%ex{full}");
        encoder.start();
        appender.setContext(context);
        appender.setName("capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(buffer);
        appender.start();
        root.addAppender(appender);
        gatehouse.setLevel(Level.DEBUG);
    }

    /** Everything logged so far. */
    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        gatehouse.setLevel(gatehouseLevel);
    }
}
