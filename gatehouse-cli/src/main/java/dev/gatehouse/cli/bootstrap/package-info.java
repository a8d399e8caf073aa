/**
 * Bootstrap without the console: {@code gatehouse account create}, {@code admin create} and
 * {@code keys rotate}, which work on the store directly, as the first administrator must before
 * there is anyone to sign in.
 */
package dev.gatehouse.cli.bootstrap;
