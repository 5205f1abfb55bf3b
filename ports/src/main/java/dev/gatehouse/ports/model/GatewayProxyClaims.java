package dev.gatehouse.ports.model;

/**
 * What the {@code project:gateway_proxy} scope of an API key carries: the AI gateway's spending limits per window and
 * whether it caches responses. A null limit means no limit for that window; a null {@code cacheEnabled} inherits the
 * project's default. Gatehouse keeps them for the gateway, which enforces them.
 */
public record GatewayProxyClaims(Long spendingLimitDaily, Long spendingLimitWeekly, Long spendingLimitMonthly,
        Long spendingLimitTotal, Boolean cacheEnabled) {

    /** No limits, and the project's default for caching. */
    public static final GatewayProxyClaims NONE = new GatewayProxyClaims(null, null, null, null, null);

    public GatewayProxyClaims {
        requireNotNegative(spendingLimitDaily, "spending_limit_daily");
        requireNotNegative(spendingLimitWeekly, "spending_limit_weekly");
        requireNotNegative(spendingLimitMonthly, "spending_limit_monthly");
        requireNotNegative(spendingLimitTotal, "spending_limit_total");
    }

    /**
     * Whether every spending limit of {@code bound} is also set here, at most as high: a key with these claims spends
     * no more than one with {@code bound} could.
     */
    public boolean isWithin(GatewayProxyClaims bound) {
        return within(spendingLimitDaily, bound.spendingLimitDaily)
                && within(spendingLimitWeekly, bound.spendingLimitWeekly)
                && within(spendingLimitMonthly, bound.spendingLimitMonthly)
                && within(spendingLimitTotal, bound.spendingLimitTotal);
    }

    private static boolean within(Long limit, Long bound) {
        return bound == null || (limit != null && limit <= bound);
    }

    /** Whether nothing is set, which means the same as no claims at all. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The claims as a JSON object of their wire names, every member written. */
    @Override
    public String toString() {
        return "{\"spending_limit_daily\": " + spendingLimitDaily
                + ", \"spending_limit_weekly\": " + spendingLimitWeekly + ", \"spending_limit_monthly\": " + spendingLimitMonthly + ", \"spending_limit_total\": "
                + spendingLimitTotal + ", \"cache_enabled\": " + cacheEnabled + "}";
    }

    private static void requireNotNegative(Long limit, String field) {
        if (limit != null && limit < 0) {
            throw new InvalidInputException(field, "greater_than_equal", "Input should be greater than or equal to 0");
        }
    }
}
