import type { FastifyInstance } from 'fastify';
import type { FleetPlan } from '../seed/partner-fleet';
import type { Clock } from './clock';
import type { FaultRegistry, ServiceName } from './faults';
import type { Manifest } from './manifest';
import type { SigningKeys } from './signing-keys';
import type { RequestStats } from './stats';

/** Base URLs of every listener, known before any service registers its routes. */
export interface EmulatorUrls {
  /** https: Entra back channel (discovery, keys, token). */
  entra: string;
  /** http: Entra pages a browser visits. */
  entraBrowser: string;
  keyVault: string;
  partnerCenter: string;
  /** https: Microsoft Graph (GDAP relationships, customer-tenant service principals). */
  graph: string;
  /** http on loopback: the test-only control API. */
  control: string;
}

export interface EmulatorContext {
  stateDir: string;
  urls: EmulatorUrls;
  clock: Clock;
  keys: SigningKeys;
  faults: FaultRegistry;
  stats: RequestStats;
  caPath: string;
  /** Number of customers to seed for partner A (benchmarks raise it to 50,000). */
  customerScale: number;
  /** Origin of the portal the seeded app registration's redirect URIs point at. */
  portalUrl: string;
  /** `--partners N`: connected partner tenants to seed beside the demo's (none by default). */
  fleet?: FleetPlan;
}

/**
 * One emulated cloud service. A service gets its own listener(s); `listeners` maps a listener
 * name to the function that registers routes on it.
 */
export interface EmulatorService {
  name: ServiceName;
  /** Routes for the service's https listener. */
  register(app: FastifyInstance): void | Promise<void>;
  /** Entra only: routes for the plain-http browser listener. */
  registerBrowser?(app: FastifyInstance): void | Promise<void>;
  /** Test-only routes under `/<service>/...` on the control listener. */
  registerControl?(app: FastifyInstance): void | Promise<void>;
  /** Back to the seeded state (control API `POST /reset`). */
  reset(): void | Promise<void>;
  /** This service's part of the manifest. */
  manifest(): Partial<Manifest>;
  /** Body a real instance of this service sends with an error status (used by fault injection). */
  faultBody(status: number, retryAfter: number): unknown;
}
