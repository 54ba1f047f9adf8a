/**
 * The REST API of {@code serve}: the seed's endpoints and ours, actuator health, problem details. Beans here
 * exist only in a servlet web application, so the other commands (which run without a web server) never
 * create them. May use every package but {@code cli} and {@code simulator}; nothing depends on it.
 */
package dev.legalgen.api;
