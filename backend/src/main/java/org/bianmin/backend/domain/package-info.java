/**
 * What the backend vouches for: citizens, their social-insurance histories and licences, as plain
 * validated records with no server or database dependency.
 */
package org.bianmin.backend.domain;
