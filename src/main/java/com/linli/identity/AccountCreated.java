package com.linli.identity;

import java.util.Set;

/** A new account exists (a resident registered, or staff created one). */
public record AccountCreated(AccountId accountId, String phone, Set<Role> roles) {
}
