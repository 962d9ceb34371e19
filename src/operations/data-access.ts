import { GlobusApiError } from '../globus/errors.js';
import { needsDataAccess } from '../globus/transfer.js';
import type { DataAccess } from '../spec/fields.js';
import type { TransferDocument } from '../spec/transfer-document.js';
import type { OperationContext } from './context.js';

/**
 * The collections whose data_access scope the Timers token must carry for this body. `auto`
 * looks both collections up and applies the official CLI's rule (REFERENCE §3.4).
 */
export async function dataAccessFor(
  context: OperationContext,
  body: TransferDocument,
  setting: DataAccess = context.inputs.dataAccess,
): Promise<string[]> {
  const { transfer, log, credentials } = context;
  if (setting === 'none') return [];
  if (Array.isArray(setting)) return setting;
  const ids = [...new Set([body.source_endpoint, body.destination_endpoint])];
  const needed: string[] = [];
  for (const id of ids) {
    const role = id === body.source_endpoint ? 'source-endpoint' : 'destination-endpoint';
    try {
      const collection = await transfer.collection(id);
      const name = collection.display_name ?? id;
      if (collection.entity_type === 'GCSv5_endpoint') {
        log.warning(
          `${role} ${id} (${name}) is a GCS v5 endpoint, which holds no data; use one of its collections`,
        );
      }
      if (needsDataAccess(collection)) {
        needed.push(id);
        log.info(
          `${name}: GCS v5 mapped collection, not high-assurance → data_access consent added`,
        );
      } else {
        log.debug(`${name}: ${collection.entity_type ?? 'unknown type'} → no data_access needed`);
      }
    } catch (error) {
      if (error instanceof GlobusApiError && error.status === 404) {
        throw new GlobusApiError({
          service: 'transfer',
          method: error.method,
          path: error.path,
          status: 404,
          ...(error.code ? { code: error.code } : {}),
          detail: `${role} ${id} was not found, or ${credentials.identity} cannot see it`,
          ...(error.requestId ? { requestId: error.requestId } : {}),
        });
      }
      throw error;
    }
  }
  return needed;
}
