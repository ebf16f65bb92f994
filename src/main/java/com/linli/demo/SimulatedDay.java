package com.linli.demo;

import java.time.LocalDate;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * What the simulator did for one pickup date of a region: how many residents shopped and how their
 * orders went, and the money that moved. {@code complete} is false when the day was stopped before
 * its end ({@link DaySettings#until()}). Amounts are what the simulator saw the services answer.
 * {@code shortUnits} were reported missing by leaders; {@code supplyShortUnits} did not come from the
 * suppliers of the day's {@code purchaseOrders} (confirmed short or rejected at receiving) and were
 * refunded at the central warehouse; {@code refundedAmount} includes both.
 */
public record SimulatedDay(RegionId region, LocalDate pickupDate, boolean complete, int listings, int shoppers,
		int ordersPlaced, int ordersRefused, int paid, int abandoned, int cancelledAfterPaying, int confirmed,
		int shortPickupPoints, int shortUnits, int pickedUp, int partlyPickedUp, int waitingForPickup,
		Money paidAmount, Money refundedAmount, Money pickedUpAmount, int purchaseOrders, int supplyShortUnits) {

	/** The share of the day's ready orders that were collected in full, 0 to 1. */
	public double pickedUpShare() {
		int ready = pickedUp + partlyPickedUp + waitingForPickup;
		return ready == 0 ? 0 : (double) pickedUp / ready;
	}
}
