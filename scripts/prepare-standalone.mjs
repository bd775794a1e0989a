// Next's standalone output leaves static assets out on purpose (a CDN may serve them); copy them
// in so `.next/standalone` runs as-is.
import { cpSync, existsSync } from 'node:fs';

cpSync('.next/static', '.next/standalone/.next/static', { recursive: true });
if (existsSync('public')) cpSync('public', '.next/standalone/public', { recursive: true });
