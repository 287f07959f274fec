/**
 * Deterministic synthetic demo data: invented citizens with social-insurance histories and invented
 * companies with licences, every identifier carrying a valid check character.
 */
package org.bianmin.backend.seed;
