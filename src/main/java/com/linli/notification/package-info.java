/**
 * The message centre (消息中心): in-app messages for residents and leaders, written when other
 * modules' events say something happened to them (order paid, goods arrived, refund made) and by the
 * pickup reminder job; sent on through outbound channels (SMS, WeChat templates) behind
 * {@link com.linli.notification.OutboundChannel}. No module calls into it. Beyond listening,
 * it asks network for pickup points and their keepers, identity for a recipient's phone, and
 * ordering ({@code OrderDeliveryManagement.readyNotPickedUp}) for the orders still waiting to be picked up.
 * It listens to payment for the reconciliation's alarms, which it puts in the platform admins' inbox, and to
 * marketing for coupons about to expire, and to aftersales: residents hear of their requests and hidden reviews,
 * leaders of requests and returns at their point, a region's operators of overdue complaints and quality alerts;
 * and to leader for the nightly ledger reconciliation, whose alarms reach the region's operators and the admins;
 * and to logistics for a delivery that will miss a pickup point's window (the leader and the region's operators);
 * and to analytics for a message to an RFM segment's residents and a fired alert (the region's operators).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "network", "ordering", "payment", "marketing", "aftersales", "leader", "logistics", "analytics" })
package com.linli.notification;
