/**
 * Accounts, roles, sign-in (sessions for pages, bearer tokens for the API), sign-in throttling and the audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.linli.identity;
