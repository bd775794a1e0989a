import { recoveryId, secretId } from './ids';
import { latest, type DeletedRecord, type SecretRecord, type SecretVersion } from './store';

/** Soft delete is on, purge protection off: deleted secrets can be recovered or purged for 90 days. */
export const RECOVERABLE_DAYS = 90;
const RECOVERY_LEVEL = 'Recoverable+Purgeable';

function attributes(v: SecretVersion) {
  return {
    enabled: v.enabled,
    ...(v.nbf !== undefined ? { nbf: v.nbf } : {}),
    ...(v.exp !== undefined ? { exp: v.exp } : {}),
    created: v.created,
    updated: v.updated,
    recoveryLevel: RECOVERY_LEVEL,
    recoverableDays: RECOVERABLE_DAYS,
  };
}

function common(v: SecretVersion) {
  return {
    attributes: attributes(v),
    ...(v.contentType !== undefined ? { contentType: v.contentType } : {}),
    ...(v.tags && Object.keys(v.tags).length > 0 ? { tags: v.tags } : {}),
  };
}

/** SecretBundle: one version, with its value unless the operation doesn't return one. */
export function secretBundle(
  origin: string,
  record: SecretRecord,
  v: SecretVersion,
  withValue = true,
) {
  return {
    ...(withValue ? { value: v.value } : {}),
    id: secretId(origin, record.name, v.version),
    ...common(v),
  };
}

/** SecretItem in `GET /secrets`: the secret's base id (no version) and its current attributes. */
export function secretItem(origin: string, record: SecretRecord) {
  return { id: secretId(origin, record.name), ...common(latest(record)) };
}

/** SecretItem in `GET /secrets/{name}/versions`: one per version, with its versioned id. */
export function versionItem(origin: string, record: SecretRecord, v: SecretVersion) {
  return { id: secretId(origin, record.name, v.version), ...common(v) };
}

function deletedFields(origin: string, record: DeletedRecord) {
  return {
    recoveryId: recoveryId(origin, record.name),
    deletedDate: record.deletedDate,
    scheduledPurgeDate: record.scheduledPurgeDate,
  };
}

/** DeletedSecretBundle: the current version's properties plus the recovery fields; no value. */
export function deletedBundle(origin: string, record: DeletedRecord) {
  const v = latest(record);
  return {
    ...deletedFields(origin, record),
    id: secretId(origin, record.name, v.version),
    ...common(v),
  };
}

export function deletedItem(origin: string, record: DeletedRecord) {
  return {
    ...deletedFields(origin, record),
    id: secretId(origin, record.name),
    ...common(latest(record)),
  };
}
