/**
 * The fixed things every emulator starts with: a demo client and one collection of each kind
 * the action has to tell apart. The ids never change, so tests, docs and demos can name them.
 */

export interface ClientCredentials {
  id: string;
  secret: string;
}

/** A confidential client that always exists. The secret is fake and only opens this emulator. */
export const DEMO_CLIENT: Readonly<ClientCredentials> = Object.freeze({
  id: 'de300000-c1e0-4000-8000-00000000c11e',
  secret: 'emulator-demo-secret-not-a-real-globus-secret',
});

/** What a seeded collection is: the fields that decide whether it needs data_access. */
export interface CollectionSummary {
  id: string;
  entity_type: string;
  /** `null` where the collection's document has no such field (GCSv4, GCP). */
  high_assurance: boolean | null;
  display_name: string;
}

/**
 * The seeded collections by kind. The first hex digits of an id say what it is (`a1…` a
 * non-HA mapped collection, `b1…` a guest collection, …) so ids are recognisable in logs.
 */
export const SEEDED_COLLECTIONS = {
  /** GCSv5 mapped collection, not high assurance: timers need its data_access scope. */
  mappedNonHa: {
    id: 'a1000000-0000-4000-8000-000000000001',
    entity_type: 'GCSv5_mapped_collection',
    high_assurance: false,
    display_name: 'Emulator Mapped Collection',
  },
  /** A second non-HA GCSv5 mapped collection, for timers that need two data_access scopes. */
  mappedNonHa2: {
    id: 'a1000000-0000-4000-8000-000000000002',
    entity_type: 'GCSv5_mapped_collection',
    high_assurance: false,
    display_name: 'Emulator Mapped Collection 2',
  },
  /** GCSv5 mapped collection, high assurance: it has no data_access scope. */
  mappedHa: {
    id: 'a2000000-0000-4000-8000-000000000003',
    entity_type: 'GCSv5_mapped_collection',
    high_assurance: true,
    display_name: 'Emulator High-Assurance Mapped Collection',
  },
  /** GCSv5 guest collection hosted on `mappedNonHa`. */
  guest: {
    id: 'b1000000-0000-4000-8000-000000000004',
    entity_type: 'GCSv5_guest_collection',
    high_assurance: false,
    display_name: 'Emulator Guest Collection',
  },
  /** GCSv4 host endpoint. */
  gcsv4Host: {
    id: 'c1000000-0000-4000-8000-000000000005',
    entity_type: 'GCSv4_host',
    high_assurance: null,
    display_name: 'Emulator GCSv4 Host',
  },
  /** Globus Connect Personal mapped collection. */
  gcpMapped: {
    id: 'd1000000-0000-4000-8000-000000000006',
    entity_type: 'GCP_mapped_collection',
    high_assurance: null,
    display_name: 'Emulator Personal Collection',
  },
  /** The GCSv5 endpoint the GCSv5 collections live on; it holds no data (`non_functional`). */
  gcsv5Endpoint: {
    id: 'e1000000-0000-4000-8000-000000000007',
    entity_type: 'GCSv5_endpoint',
    high_assurance: false,
    display_name: 'Emulator GCSv5 Endpoint',
  },
} as const satisfies Record<string, CollectionSummary>;

export type SeededCollectionKey = keyof typeof SEEDED_COLLECTIONS;
