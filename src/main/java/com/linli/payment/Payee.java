package com.linli.payment;

/**
 * Who a payout pays: the payee's account at the provider (a wallet or bank account, as the provider knows it)
 * and the name it must be held in.
 */
public record Payee(String account, String name) {
}
