/** Stops the portal and the local cloud the global setup started. */
export default function globalTeardown(): void {
  (globalThis as { __securityStop?: () => void }).__securityStop?.();
}
