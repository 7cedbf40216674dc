/**
 * The workspace store: a content-addressed object store (SHA-256; folders as manifests; a copied
 * folder's small files packed together; atomic, durable writes; verified reads). The JDBC metadata
 * store, registries and lineage follow.
 */
package dev.trainyard.store;
