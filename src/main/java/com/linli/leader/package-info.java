/**
 * Group leaders (团长): who runs which pickup point, their commission schemes and ledger; later
 * applications, withdrawals and ranking. ordering: its events (OrderPickedUp accrues commission,
 * OrderLineRefunded after pickup reverses it) and its read API of pickup points' figures (performance, ranking). catalog, beyond DESIGN.md's table: a scheme's category
 * overrides name catalog categories (ids checked, names shown, parents followed). aftersales: its events only
 * (reviews rate the leader's service, complaints about the leader count against it). payment (DESIGN.md): the
 * payouts of withdrawals ({@code PayoutManagement}).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "network", "ordering", "catalog", "aftersales", "payment" })
package com.linli.leader;
