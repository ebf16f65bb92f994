package com.linli.identity.internal.web;

import java.time.Instant;
import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountManagement;
import com.linli.identity.CurrentUser;
import com.linli.identity.Role;
import com.linli.identity.internal.ApiTokens;
import com.linli.identity.internal.LinliPrincipal;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for API clients: trade phone and password for a bearer token; residents register here too. */
@RestController
@Tag(name = "auth", description = "Sign-in, registration and the current account")
class AuthRestController {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final AccountManagement accounts;

	AuthRestController(AuthenticationManager authentication, ApiTokens tokens, AccountManagement accounts) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@PostMapping("/api/auth/token")
	@Operation(summary = "Sign in with phone and password; returns a bearer token")
	TokenResponse token(@Valid @RequestBody SignIn request) {
		var auth = authentication.authenticate(
				UsernamePasswordAuthenticationToken.unauthenticated(request.phone().trim(), request.password()));
		var principal = (LinliPrincipal) auth.getPrincipal();
		var issued = tokens.issue(principal.id());
		return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(),
				AccountView.of(accounts.get(principal.toCurrentUser().id())));
	}

	@PostMapping("/api/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a resident account")
	AccountView register(@Valid @RequestBody Registration request) {
		return AccountView.of(accounts.registerResident(request.phone().trim(), request.displayName(), request.password()));
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke the bearer token of this request")
	void logout(@RequestHeader("Authorization") String authorization) {
		tokens.revoke(authorization.substring(Math.min(7, authorization.length())).trim());
	}

	@GetMapping("/api/me")
	@Operation(summary = "The signed-in account")
	AccountView me() {
		return AccountView.of(accounts.get(CurrentUser.require().id()));
	}

	@ExceptionHandler(LockedException.class)
	ProblemDetail locked() {
		var p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				Text.of("identity.problem.accountLocked").inReadersLanguage());
		p.setTitle("Account locked");
		p.setProperty("code", "account-locked");
		return p;
	}

	@ExceptionHandler(DisabledException.class)
	ProblemDetail disabled() {
		var p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "account disabled");
		p.setTitle("Account disabled");
		p.setProperty("code", "account-disabled");
		return p;
	}

	@ExceptionHandler(BadCredentialsException.class)
	ProblemDetail badCredentials() {
		var p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, Text.of("identity.problem.badCredentials").inReadersLanguage());
		p.setTitle("Wrong credentials");
		p.setProperty("code", "bad-credentials");
		return p;
	}

	record SignIn(@NotBlank String phone, @NotBlank String password) {
	}

	record Registration(@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be a mainland mobile number") String phone,
			@NotBlank @Size(max = 30) String displayName, @NotBlank @Size(min = 6, max = 72) String password) {
	}

	record TokenResponse(String token, String tokenType, Instant expiresAt, AccountView account) {
	}

	record AccountView(long id, String phone, String displayName, Set<Role> roles, Set<Long> regionIds, boolean enabled) {

		static AccountView of(Account a) {
			return new AccountView(a.id().value(), a.phone(), a.displayName(), a.roles(), a.regionIds(), a.enabled());
		}
	}
}
