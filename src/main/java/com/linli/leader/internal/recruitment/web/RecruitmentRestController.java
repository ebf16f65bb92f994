package com.linli.leader.internal.recruitment.web;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import com.linli.leader.NewLeaderApplication;
import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentManagement;
import com.linli.network.CommunityId;
import com.linli.network.RegionId;
import com.linli.shared.web.UploadedImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public side of recruitment, open without signing in: a would-be leader asks for an SMS code, applies with it,
 * and follows their application by its number and their phone (answering the operator's question there).
 */
@RestController
@RequestMapping("/api/leader-applications")
@Tag(name = "leader recruitment", description = "Public leader applications (团长招募): no sign-in")
class RecruitmentRestController {

	private final RecruitmentManagement recruitment;

	RecruitmentRestController(RecruitmentManagement recruitment) {
		this.recruitment = recruitment;
	}

	record CodeRequest(String phone) {
	}

	record CodeSent(Instant expiresAt) {
	}

	/** The application form; {@code code} is the SMS code sent to the phone. */
	record ApplicationRequest(String name, String phone, String code, String idNumber, Long communityId,
			PickupPointKind kind, String pointName, String address, Double latitude, Double longitude,
			LocalTime opensAt, LocalTime closesAt, Integer followers, Integer households, Integer storageSqm,
			String referralCode) {

		NewLeaderApplication application() {
			return new NewLeaderApplication(name, phone, idNumber, communityId == null ? null : new CommunityId(communityId),
					kind, pointName, address, latitude, longitude, opensAt, closesAt, followers, households, storageSqm,
					referralCode);
		}
	}

	record Answer(String phone, String answer) {
	}

	record CommunityOption(long id, String name, String district, int households) {
	}

	@PostMapping("/phone-codes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Sends a 6-digit code to the phone by SMS (valid 10 minutes, 5 tries; one a minute, 10 a day per phone)")
	CodeSent sendCode(@RequestBody CodeRequest request, Locale locale) {
		return new CodeSent(recruitment.sendCode(request == null ? null : request.phone(), locale));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Applies to become a leader, with the SMS code; answers the application number for the status page")
	ApplicantView apply(@RequestBody ApplicationRequest request, Locale locale) {
		var r = request == null ? new ApplicationRequest(null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null) : request;
		return ApplicantView.of(recruitment.apply(r.application(), r.code(), List.of(), locale));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Applies with photos of the pickup point: the fields as form fields, up to 6 images as 'photos'")
	ApplicantView applyWithPhotos(ApplicationRequest request,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos, Locale locale) {
		return ApplicantView.of(recruitment.apply(request.application(), request.code(), UploadedImages.of(photos), locale));
	}

	@GetMapping("/{applicationNo}")
	@Operation(summary = "The application's status, for its applicant: the number and the phone it was made with")
	ApplicantView status(@PathVariable String applicationNo, @RequestParam String phone) {
		return ApplicantView.of(recruitment.status(applicationNo, phone));
	}

	@PostMapping("/{applicationNo}/answer")
	@Operation(summary = "The applicant answers the operator's question; the application is back in the review queue")
	ApplicantView answer(@PathVariable String applicationNo, @RequestBody Answer answer) {
		return ApplicantView.of(recruitment.answer(applicationNo, answer.phone(), answer.answer()));
	}

	@GetMapping("/communities")
	@Operation(summary = "The communities of a region, for the application form")
	List<CommunityOption> communities(@RequestParam long regionId) {
		return recruitment.communities(new RegionId(regionId)).stream()
			.map(c -> new CommunityOption(c.id().value(), c.name(), c.district(), c.households()))
			.toList();
	}
}
