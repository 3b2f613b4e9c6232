package vn.sohoa.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import vn.sohoa.pipeline.intake.IntakeLimits;

/**
 * {@code sohoa.limits.*}: what an administrator allows one file to be. Defaults are the pipeline's own
 * ({@link IntakeLimits#DEFAULT}: 200MB, 500 pages, 50 million pixels a page, 60 s to decode a page).
 *
 * @param maxFileBytes the largest file accepted, e.g. {@code 200MB}
 * @param maxPages the most pages in one file
 * @param maxPixelsPerPage the most pixels of one decoded page (width x height), pixels deeper than 24 bits
 *        counting for more
 * @param maxDecodeTime the longest one page may take to decode or render, e.g. {@code 60s}
 */
@ConfigurationProperties("sohoa.limits")
public record LimitsProperties(@DefaultValue("200MB") DataSize maxFileBytes, @DefaultValue("500") int maxPages,
                               @DefaultValue("50000000") long maxPixelsPerPage,
                               @DefaultValue("60s") Duration maxDecodeTime) {

    public LimitsProperties {
        if (maxFileBytes.toBytes() <= 0 || maxPages <= 0 || maxPixelsPerPage <= 0 || maxDecodeTime.isNegative() || maxDecodeTime.isZero()) {
            throw new IllegalArgumentException("sohoa.limits.* must be positive: " + maxFileBytes + ", " + maxPages
                    + ", " + maxPixelsPerPage + ", " + maxDecodeTime);
        }
    }

    public IntakeLimits toIntakeLimits() {
        return new IntakeLimits(maxFileBytes.toBytes(), maxPages, maxPixelsPerPage, maxDecodeTime);
    }
}
