/** Rules for client text, shared by the plain-Java packages (data and search) that may not depend on each other. */
package dev.hypersearch.text;
