import { FIRST_PARTY_RESOURCES } from './resource-apps';
import type { AppRegistration, ResourceApp } from './types';

/** Every resource tokens can be asked for: Microsoft's first-party APIs and apps that expose themselves. */
export function allResources(apps: AppRegistration[]): ResourceApp[] {
  const own = apps
    .filter((a) => a.identifierUris.length > 0)
    .map<ResourceApp>((a) => ({
      appId: a.appId,
      displayName: a.displayName,
      identifierUris: a.identifierUris,
      scopes: a.exposedScopes,
      tokenVersion: 1,
      firstParty: false,
    }));
  return [...FIRST_PARTY_RESOURCES, ...own];
}
