-- Issue 15 (replenish): the forecast's stock-out warning, an alert kind of its own beside the safety-stock one.
-- Its figures: available = available + on order, safety_stock = the 0.95 quantile of the demand before a
-- purchase can arrive, units = the shortfall.
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check
    check (kind in ('STOCK_OUT_RISK', 'OVERSTOCK', 'NEAR_EXPIRY', 'STOCKOUT_AHEAD'));
