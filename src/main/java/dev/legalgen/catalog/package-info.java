/**
 * Practice areas, topics and difficulties; the deterministic generation plan and its restartable reader.
 * Depends on no other package of ours.
 */
package dev.legalgen.catalog;
