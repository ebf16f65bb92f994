package com.linli.leader;

import java.time.LocalTime;

import com.linli.network.CommunityId;

/**
 * What a would-be leader fills in on the application page: who they are (name, phone, ID number in full, which is
 * checked and then kept masked), the community and the pickup point they propose (kind, name, address, position,
 * opening hours), and what they bring (followers in the community chat, households covered, storage in m²), with the
 * referral code of the leader who invited them, if any.
 */
public record NewLeaderApplication(String name, String phone, String idNumber, CommunityId communityId,
		PickupPointKind kind, String pointName, String address, Double latitude, Double longitude, LocalTime opensAt,
		LocalTime closesAt, Integer followers, Integer households, Integer storageSqm, String referralCode) {
}
