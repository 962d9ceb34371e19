/**
 * Transfer endpoint documents (`GET /v0.10/endpoint/{id}`) for the seeded collections. Each
 * one copies the field set of the matching captured fixture in `globus-api/fixtures/`
 * (`transfer_endpoint_*.json`), with our own ids and names.
 */
import { type CollectionSummary, SEEDED_COLLECTIONS } from './seed.js';

export type CollectionDocument = Record<string, unknown> & {
  id: string;
  entity_type: string;
  display_name: string;
  high_assurance?: boolean;
};

const GCS_HOST = 'a1b2c3.8443.data.globus.org';
const GCS_ENDPOINT_ID = SEEDED_COLLECTIONS.gcsv5Endpoint.id;
const GCS_OWNER = {
  owner_id: GCS_ENDPOINT_ID,
  owner_string: `${GCS_ENDPOINT_ID}@clients.auth.globus.org`,
};

/** Fixture `transfer_endpoint_gcsv5_*.json`: GCSv5 endpoints and collections share one shape. */
function gcsv5Document(
  seeded: CollectionSummary,
  fields: { description: string; host_endpoint_id: string | null; non_functional: boolean },
): CollectionDocument {
  const { id, display_name, entity_type } = seeded;
  return {
    DATA: [{ DATA_TYPE: 'server', hostname: GCS_HOST }],
    DATA_TYPE: 'endpoint',
    activated: false,
    canonical_name: `${GCS_ENDPOINT_ID}#${id === GCS_ENDPOINT_ID ? 'emulator-gcs' : id}`,
    contact_email: null,
    contact_info: null,
    default_directory: null,
    description: fields.description,
    department: null,
    display_name,
    entity_type,
    force_encryption: false,
    gcs_manager_url: `https://${GCS_HOST}`,
    gcs_version: '5.4.10',
    high_assurance: seeded.high_assurance === true,
    host_endpoint_id: fields.host_endpoint_id,
    id,
    is_globus_connect: false,
    info_link: null,
    keywords: null,
    local_user_info_available: false,
    non_functional: fields.non_functional,
    organization: 'Globus Emulator',
    ...GCS_OWNER,
    public: false,
    shareable: false,
    subscription_id: null,
  };
}

function mappedCollection(seeded: CollectionSummary): CollectionDocument {
  return gcsv5Document(seeded, {
    description: 'emulated GCSv5 mapped collection',
    host_endpoint_id: null,
    non_functional: false,
  });
}

/** Fixture `transfer_endpoint_gcsv4_host.json`. */
function gcsv4Host({ id, display_name }: CollectionSummary): CollectionDocument {
  return {
    DATA_TYPE: 'endpoint',
    id,
    display_name,
    organization: 'Globus Emulator',
    username: 'emulator',
    description: 'emulated GCSv4 host endpoint',
    entity_type: 'GCSv4_host',
    public: false,
    french_english_bilingual: false,
    is_globus_connect: false,
    globus_connect_setup_key: null,
    gcp_connected: null,
    gcp_paused: null,
    s3_url: null,
    s3_owner_activated: false,
    host_endpoint_id: null,
    host_path: null,
    disable_verify: false,
    disable_anonymous_writes: false,
    force_verify: false,
    force_encryption: false,
    mfa_required: false,
    myproxy_server: null,
    myproxy_dn: null,
    non_functional: false,
    non_functional_endpoint_display_name: null,
    non_functional_endpoint_id: null,
    oauth_server: null,
    default_directory: null,
    activated: false,
    expires_in: 0,
    expire_time: '2000-01-02 03:45:06+00:00',
    shareable: true,
    acl_available: false,
    acl_editable: false,
    in_use: false,
    DATA: [
      {
        DATA_TYPE: 'server',
        hostname: 'gridftp.emulator.invalid',
        uri: 'gsiftp://gridftp.emulator.invalid:2811',
        port: 2811,
        scheme: 'gsiftp',
        id: 985,
        subject: '/O=Grid/OU=Emulator/CN=host/gridftp.emulator.invalid',
      },
    ],
  };
}

/** Fixture `transfer_endpoint_gcp_mapped_collection_partial.json` (the source abbreviates it). */
function gcpMapped({ id, display_name }: CollectionSummary): CollectionDocument {
  return {
    DATA: [{ DATA_TYPE: 'server', hostname: null }],
    DATA_TYPE: 'endpoint',
    display_name,
    entity_type: 'GCP_mapped_collection',
    gcs_manager_url: null,
    gcs_version: null,
    host_endpoint_id: null,
    id,
    is_globus_connect: true,
    non_functional: false,
    owner_id: 'd1ffffff-0000-4000-8000-0000000000ff',
  };
}

/** The seeded endpoint documents, fresh copies each call. */
export function seededCollectionDocuments(): CollectionDocument[] {
  const seeded = SEEDED_COLLECTIONS;
  return [
    mappedCollection(seeded.mappedNonHa),
    mappedCollection(seeded.mappedNonHa2),
    mappedCollection(seeded.mappedHa),
    gcsv5Document(seeded.guest, {
      description: 'emulated GCSv5 guest collection',
      host_endpoint_id: seeded.mappedNonHa.id,
      non_functional: false,
    }),
    gcsv4Host(seeded.gcsv4Host),
    gcpMapped(seeded.gcpMapped),
    gcsv5Document(seeded.gcsv5Endpoint, {
      description: 'emulated GCSv5 endpoint',
      host_endpoint_id: null,
      non_functional: true,
    }),
  ];
}

/**
 * The official CLI's rule (docs/globus-variants.md): only a GCSv5 mapped collection whose
 * `high_assurance` is exactly `false` has, and needs, a data_access scope.
 */
export function hasDataAccessScope(collection: CollectionDocument | undefined): boolean {
  return (
    collection?.entity_type === 'GCSv5_mapped_collection' && collection.high_assurance === false
  );
}

export function summarise(collection: CollectionDocument): CollectionSummary {
  return {
    id: collection.id,
    entity_type: collection.entity_type,
    high_assurance: collection.high_assurance ?? null,
    display_name: collection.display_name,
  };
}
