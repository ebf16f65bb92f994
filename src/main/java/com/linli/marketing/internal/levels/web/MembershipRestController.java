package com.linli.marketing.internal.levels.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.MemberPrice;
import com.linli.marketing.Membership;
import com.linli.marketing.MembershipLevel;
import com.linli.marketing.MembershipManagement;
import com.linli.marketing.NewMembershipLevel;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's membership; operators configure levels and member prices. */
@RestController
@Tag(name = "membership", description = "会员等级: levels, growth value, member prices")
class MembershipRestController {

	private final MembershipManagement membership;

	MembershipRestController(MembershipManagement membership) {
		this.membership = membership;
	}

	@GetMapping("/api/marketing/membership")
	@Operation(summary = "The caller's level, growth value, the growth to the next level and every level")
	Membership mine(Actor actor) {
		return membership.membership(actor, actor.requireAccount());
	}

	@GetMapping("/api/admin/marketing/membership-levels")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Every level, lowest rank first")
	List<MembershipLevel> levels() {
		return membership.levels();
	}

	@PostMapping("/api/admin/marketing/membership-levels")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a level", description = "Rank 0 needs growth 0; a higher rank needs more growth. "
			+ "409 level-taken (rank) or level-out-of-order (growthThreshold).")
	MembershipLevel create(Actor actor, @Valid @RequestBody LevelRequest request) {
		return membership.createLevel(actor, request.level());
	}

	@PutMapping("/api/admin/marketing/membership-levels/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Change a level")
	MembershipLevel update(Actor actor, @PathVariable long id, @Valid @RequestBody LevelRequest request) {
		return membership.updateLevel(actor, id, request.level());
	}

	@DeleteMapping("/api/admin/marketing/membership-levels/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a level")
	void delete(Actor actor, @PathVariable long id) {
		membership.deleteLevel(actor, id);
	}

	@GetMapping("/api/admin/marketing/member-prices")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The member prices of a listing (in the operator's regions)")
	List<MemberPriceView> memberPrices(Actor actor, @RequestParam long listingId) {
		return membership.memberPrices(actor, new ListingId(listingId)).stream().map(MemberPriceView::of).toList();
	}

	@PutMapping("/api/admin/marketing/member-prices")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Set a listing's member price for a level and above", description = "Below the group price. "
			+ "403 outside the operator's regions.")
	MemberPriceView setMemberPrice(Actor actor, @Valid @RequestBody MemberPriceRequest request) {
		return MemberPriceView.of(membership.setMemberPrice(actor, new ListingId(request.listingId()), request.minRank(),
				Money.ofFen(request.priceFen())));
	}

	@DeleteMapping("/api/admin/marketing/member-prices/{listingId}/{minRank}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a listing's member price of a level")
	void removeMemberPrice(Actor actor, @PathVariable long listingId, @PathVariable int minRank) {
		membership.removeMemberPrice(actor, new ListingId(listingId), minRank);
	}

	record LevelRequest(@PositiveOrZero @Max(MembershipManagement.MAX_RANK) int rank, @NotBlank @Size(max = 30) String name,
			@PositiveOrZero long growthThreshold, @Size(max = 500) String privileges, Long monthlyCouponTemplateId,
			@PositiveOrZero @Max(1440) int flashEarlyMinutes) {

		NewMembershipLevel level() {
			return new NewMembershipLevel(rank, name, growthThreshold, privileges, monthlyCouponTemplateId,
					flashEarlyMinutes);
		}
	}

	record MemberPriceRequest(@NotNull Long listingId, @PositiveOrZero @Max(MembershipManagement.MAX_RANK) int minRank,
			@Positive long priceFen) {
	}

	record MemberPriceView(long listingId, int minRank, long priceFen) {

		static MemberPriceView of(MemberPrice p) {
			return new MemberPriceView(p.listing().value(), p.minRank(), p.price().fen());
		}
	}
}
