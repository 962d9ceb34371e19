import { GlobusApiError } from '../../globus/errors.js';
import { needsDataAccess, type Collection } from '../../globus/transfer.js';
import type { DataAccess } from '../../timer/fields.js';
import type { KindContext } from '../kind.js';
import type { TransferDocument } from '../../timer/transfer-document.js';

/**
 * The collections whose data_access scope the Timers token must carry for this body. `auto`
 * looks both collections up — at once, they do not depend on each other — and applies the
 * official CLI's rule (docs/globus-variants.md); the log lines come in source, destination order.
 */
export async function dataAccessFor(
  context: KindContext,
  body: TransferDocument,
  setting: DataAccess,
): Promise<string[]> {
  if (setting === 'none') return [];
  if (Array.isArray(setting)) return setting;
  const ids = [...new Set([body.source_endpoint, body.destination_endpoint])];
  const roles = ids.map((id) => (id === body.source_endpoint ? 'source' : 'destination'));
  const collections = await Promise.all(
    ids.map((id, i) => lookUp(context, id, `${roles[i]}-endpoint`)),
  );
  return ids.filter((_id, i) =>
    judge(context, collections[i] as Collection, `${roles[i]}-endpoint`),
  );
}

async function lookUp(context: KindContext, id: string, role: string): Promise<Collection> {
  try {
    return await context.transfer.collection(id);
  } catch (error) {
    if (!(error instanceof GlobusApiError) || error.status !== 404) throw error;
    throw new GlobusApiError({
      service: 'transfer',
      method: error.method,
      path: error.path,
      status: 404,
      ...(error.code ? { code: error.code } : {}),
      detail: `${role} ${id} was not found, or ${context.credentials.identity} cannot see it`,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
  }
}

/** Whether the collection needs data_access, saying why (and warning about endpoints). */
function judge(context: KindContext, collection: Collection, role: string): boolean {
  const { log } = context;
  const name = collection.display_name ?? collection.id;
  if (collection.entity_type === 'GCSv5_endpoint') {
    log.warning(
      `${role} ${collection.id} (${name}) is a GCS v5 endpoint, which holds no data; use one of its collections`,
    );
  }
  if (needsDataAccess(collection)) {
    log.info(`${name}: GCS v5 mapped collection, not high-assurance → data_access consent added`);
    return true;
  }
  log.debug(`${name}: ${collection.entity_type ?? 'unknown type'} → no data_access needed`);
  return false;
}
