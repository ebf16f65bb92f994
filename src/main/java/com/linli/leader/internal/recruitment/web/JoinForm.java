package com.linli.leader.internal.recruitment.web;

import java.time.LocalTime;
import java.util.List;

import com.linli.leader.NewLeaderApplication;
import com.linli.leader.PickupPointKind;
import com.linli.network.CommunityId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The application page's form: bound as typed, checked by the service (which names the wrong field). */
public class JoinForm {

	private Long regionId;

	private String name;

	private String phone;

	private String code;

	private String idNumber;

	private Long communityId;

	private PickupPointKind kind = PickupPointKind.SHOP;

	private String pointName;

	private String address;

	private Double latitude;

	private Double longitude;

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime opensAt = LocalTime.of(8, 0);

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime closesAt = LocalTime.of(21, 0);

	private Integer followers;

	private Integer households;

	private Integer storageSqm;

	private String ref;

	private List<MultipartFile> photos;

	NewLeaderApplication application() {
		return new NewLeaderApplication(name, phone, idNumber, communityId == null ? null : new CommunityId(communityId),
				kind, pointName, address, latitude, longitude, opensAt, closesAt, followers, households, storageSqm, ref);
	}

	public Long getRegionId() { return regionId; }
	public void setRegionId(Long regionId) { this.regionId = regionId; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getPhone() { return phone; }
	public void setPhone(String phone) { this.phone = phone; }
	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
	public Long getCommunityId() { return communityId; }
	public void setCommunityId(Long communityId) { this.communityId = communityId; }
	public PickupPointKind getKind() { return kind; }
	public void setKind(PickupPointKind kind) { this.kind = kind; }
	public String getPointName() { return pointName; }
	public void setPointName(String pointName) { this.pointName = pointName; }
	public String getAddress() { return address; }
	public void setAddress(String address) { this.address = address; }
	public Double getLatitude() { return latitude; }
	public void setLatitude(Double latitude) { this.latitude = latitude; }
	public Double getLongitude() { return longitude; }
	public void setLongitude(Double longitude) { this.longitude = longitude; }
	public LocalTime getOpensAt() { return opensAt; }
	public void setOpensAt(LocalTime opensAt) { this.opensAt = opensAt; }
	public LocalTime getClosesAt() { return closesAt; }
	public void setClosesAt(LocalTime closesAt) { this.closesAt = closesAt; }
	public Integer getFollowers() { return followers; }
	public void setFollowers(Integer followers) { this.followers = followers; }
	public Integer getHouseholds() { return households; }
	public void setHouseholds(Integer households) { this.households = households; }
	public Integer getStorageSqm() { return storageSqm; }
	public void setStorageSqm(Integer storageSqm) { this.storageSqm = storageSqm; }
	public String getRef() { return ref; }
	public void setRef(String ref) { this.ref = ref; }
	public List<MultipartFile> getPhotos() { return photos; }
	public void setPhotos(List<MultipartFile> photos) { this.photos = photos; }
}
