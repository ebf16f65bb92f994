package com.linli.shared;

/**
 * Published by any module when staff change data (create a listing, edit a region...);
 * identity records it in the audit log together with who did it.
 */
public record AdminChange(String action, String target, String detail) {
}
