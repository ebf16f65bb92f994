package com.linli.notification;

import com.linli.identity.AccountId;

/** Whom an outbound channel reaches: the account, its mobile number and the name to address them by. */
public record Recipient(AccountId accountId, String phone, String displayName) {
}
