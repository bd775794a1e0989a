import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createEntraService } from '../entra';
import { createGraphService } from '../graph';
import { createKeyVaultService } from '../keyvault';
import { createPartnerCenterService } from '../partner-center';
import { Clock } from './clock';
import { registerControlRoutes } from './control';
import { FaultRegistry } from './faults';
import { createListener, startListener } from './listen';
import type { Manifest } from './manifest';
import type { EmulatorContext, EmulatorService } from './service';
import { SigningKeys } from './signing-keys';
import { RequestStats } from './stats';
import { writeJsonAtomic } from './state-file';
import { ensureTls } from './tls';
import { FLEET_ADMIN_PASSWORD, planPartnerFleet } from '../seed/partner-fleet';

export interface StartOptions {
  stateDir: string;
  /**
   * Ports used: base (Entra https), +1 (Entra pages, http), +2 (Key Vault), +3 (Partner Center),
   * +4 (control), +5 (Microsoft Graph).
   */
  basePort: number;
  customerScale: number;
  /** Connected partner tenants to seed in a mix of health states (`--partners N`); 0 by default. */
  partners?: number;
  /** Origin of the portal, for the seeded app registration's redirect URIs. */
  portalUrl: string;
}

export interface RunningEmulator {
  manifest: Manifest;
  manifestPath: string;
  close(): Promise<void>;
}

export async function startEmulator(opts: StartOptions): Promise<RunningEmulator> {
  const tls = ensureTls(opts.stateDir);
  const clock = new Clock(join(opts.stateDir, 'clock.json'));
  const p = opts.basePort;
  const ctx: EmulatorContext = {
    stateDir: opts.stateDir,
    urls: {
      entra: `https://localhost:${p}`,
      entraBrowser: `http://localhost:${p + 1}`,
      keyVault: `https://localhost:${p + 2}`,
      partnerCenter: `https://localhost:${p + 3}`,
      control: `http://127.0.0.1:${p + 4}`,
      graph: `https://localhost:${p + 5}`,
    },
    clock,
    keys: new SigningKeys(opts.stateDir, clock),
    faults: new FaultRegistry(),
    stats: new RequestStats(),
    caPath: tls.caPath,
    customerScale: opts.customerScale,
    portalUrl: opts.portalUrl,
    ...(opts.partners ? { fleet: planPartnerFleet(opts.partners, clock.now()) } : {}),
  };

  const entra = createEntraService(ctx);
  const services: EmulatorService[] = [
    entra,
    createKeyVaultService(ctx, entra.directory),
    createPartnerCenterService(ctx, entra.directory, { consents: entra.directory }),
    createGraphService(ctx, entra.directory),
  ];
  const servicePorts: Record<EmulatorService['name'], number> = {
    entra: p,
    keyvault: p + 2,
    'partner-center': p + 3,
    graph: p + 5,
  };

  const apps: FastifyInstance[] = [];
  const serverTls = { cert: tls.cert, key: tls.key };
  for (const svc of services) {
    const app = await createListener({ port: servicePorts[svc.name], tls: serverTls });
    ctx.faults.install(app, svc.name, (s, r) => svc.faultBody(s, r));
    ctx.stats.install(app, svc.name);
    await svc.register(app);
    await startListener(app, { port: servicePorts[svc.name] });
    apps.push(app);
    if (svc.registerBrowser) {
      const browser = await createListener({ port: p + 1 });
      ctx.faults.install(browser, svc.name, (s, r) => svc.faultBody(s, r));
      ctx.stats.install(browser, svc.name);
      await svc.registerBrowser(browser);
      await startListener(browser, { port: p + 1 });
      apps.push(browser);
    }
  }

  const control = await createListener({ port: p + 4 });
  await registerControlRoutes(control, ctx, services);
  await startListener(control, { port: p + 4 });
  apps.push(control);

  const manifest = buildManifest(ctx, services);
  const manifestPath = join(opts.stateDir, 'manifest.json');
  writeJsonAtomic(manifestPath, manifest);
  return {
    manifest,
    manifestPath,
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
    },
  };
}

function buildManifest(ctx: EmulatorContext, services: EmulatorService[]): Manifest {
  const parts = services.map((s) => s.manifest());
  const merged = Object.assign({}, ...parts) as Partial<Manifest>;
  if (!merged.entra || !merged.portalApp || !merged.tenants) {
    throw new Error('the Entra service did not describe itself in the manifest');
  }
  return {
    ...merged,
    ca: ctx.caPath,
    control: { url: ctx.urls.control },
    ...(ctx.fleet
      ? {
          fleet: {
            adminPassword: FLEET_ADMIN_PASSWORD,
            partners: ctx.fleet.connections.map((c) => ({
              id: c.tenantId,
              name: c.orgName,
              state: c.state,
              adminUpn: c.admin.upn,
            })),
          },
        }
      : {}),
    entra: merged.entra,
    portalApp: merged.portalApp,
    tenants: merged.tenants,
  };
}
