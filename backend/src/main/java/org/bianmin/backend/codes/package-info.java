/**
 * Check characters of Chinese identifiers: resident ID numbers (GB 11643, MOD 11-2), unified social
 * credit codes (GB 32100) and electronic-licence identifiers (GB/T 36904, ISO/IEC 7064 MOD 37,36).
 */
package org.bianmin.backend.codes;
