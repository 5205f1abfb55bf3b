-- The claims an API key's project:gateway_proxy scope carries (Logfire's APIKeyRead.claims): the AI gateway's
-- spending limits per window and its response caching. NULL is "no limit" or "the project's default", as on the wire.

ALTER TABLE credentials ADD COLUMN gateway_spending_limit_daily BIGINT;
ALTER TABLE credentials ADD COLUMN gateway_spending_limit_weekly BIGINT;
ALTER TABLE credentials ADD COLUMN gateway_spending_limit_monthly BIGINT;
ALTER TABLE credentials ADD COLUMN gateway_spending_limit_total BIGINT;
ALTER TABLE credentials ADD COLUMN gateway_cache_enabled BOOLEAN;
ALTER TABLE credentials ADD CONSTRAINT ck_credentials_gateway_limits CHECK (
    (gateway_spending_limit_daily IS NULL OR gateway_spending_limit_daily >= 0)
    AND (gateway_spending_limit_weekly IS NULL OR gateway_spending_limit_weekly >= 0)
    AND (gateway_spending_limit_monthly IS NULL OR gateway_spending_limit_monthly >= 0)
    AND (gateway_spending_limit_total IS NULL OR gateway_spending_limit_total >= 0));
