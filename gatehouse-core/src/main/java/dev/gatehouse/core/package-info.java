/** The Gatehouse domain: identities, credentials and MFA, independent of HTTP and SQL. */
package dev.gatehouse.core;
