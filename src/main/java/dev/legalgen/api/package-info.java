/**
 * The REST API of {@code serve} , its health and metrics. Beans here exist only in a
 * servlet web application, so the other commands (which run without a web server) never create them.
 */
package dev.legalgen.api;
