package com.linli.identity;

/** An account's roles, regions, enabled flag or password changed: sessions and caches must not keep the old ones. */
public record AccountChanged(AccountId accountId) {
}
