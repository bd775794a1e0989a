// @ts-check
/**
 * The portal is deployed as a self-contained server (`output: "standalone"`), so a production
 * host needs only Node and the `.next/standalone` folder.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // The build checks the portal's own code; `npm run typecheck` covers the emulator, CLI and tests.
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  // The Azure SDKs and msal-node are Node libraries; bundling them gains nothing and breaks
  // their dynamic requires.
  // proxy.ts sets the security headers of pages and routes; the files it does not run for (the
  // build's scripts, styles and fonts under /_next/static, optimized images, the favicon) still
  // must not be content-sniffed by browsers.
  async headers() {
    const nosniff = [{ key: 'X-Content-Type-Options', value: 'nosniff' }];
    return [
      { source: '/_next/static/:path*', headers: nosniff },
      { source: '/_next/image', headers: nosniff },
      { source: '/favicon.ico', headers: nosniff },
    ];
  },
  serverExternalPackages: [
    '@azure/msal-node',
    '@azure/identity',
    '@azure/keyvault-secrets',
    'pino',
  ],
};

module.exports = nextConfig;
