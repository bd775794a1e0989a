import { portalUrl, request, tenants, type Who } from './portal';

/**
 * What each partner tenant's staff see, read through the portal itself (so tests need not know
 * the seed): customer ids, names and domains, for cross-tenant probes and body scans.
 */
export interface CustomerRow {
  id: string;
  companyName: string;
  domain: string;
}

const lists = new Map<Who, Promise<CustomerRow[]>>();

/** Every customer `who`'s tenant has, from the CSV export (the complete list). */
export function customersSeenBy(who: 'staffA' | 'staffB'): Promise<CustomerRow[]> {
  let l = lists.get(who);
  if (!l) {
    l = (async () => {
      // The export waits for the whole list to load and is the complete list.
      const csv = await request({ path: '/api/customers/export', as: who });
      if (csv.status !== 200)
        throw new Error(`${who}'s export answered ${csv.status} at ${portalUrl()}: ${csv.text}`);
      return parseCsv(csv.text.replace(/^\uFEFF/, ''));
    })();
    lists.set(who, l);
  }
  return l;
}

function parseCsv(text: string): CustomerRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const cols = splitCsvLine(header!).map((c) => c.toLowerCase());
  const at = (name: RegExp) => cols.findIndex((c) => name.test(c));
  const id = at(/id/);
  const name = at(/name/);
  const domain = at(/domain/);
  return lines.map((l) => {
    const f = splitCsvLine(l);
    return { id: f[id]!, companyName: f[name]!, domain: f[domain]! };
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Strings that identify one partner tenant's data and no other's: its customers' ids and
 * domains, the names no customer of the other partner shares, and the tenant's own name and id.
 */
export async function markersOf(partner: 'partnerA' | 'partnerB'): Promise<string[]> {
  const [mine, theirs] = await Promise.all([
    customersSeenBy(partner === 'partnerA' ? 'staffA' : 'staffB'),
    customersSeenBy(partner === 'partnerA' ? 'staffB' : 'staffA'),
  ]);
  // A name is a marker only when it is no part of any of the other partner's own names and
  // domains (seeded names share words: "ApexNest" and "ApexNest Holdings").
  const otherText = theirs.map((c) => `${c.companyName}\n${c.domain}`.toLowerCase()).join('\n');
  const t = tenants()[partner];
  return [
    ...mine.map((c) => c.id),
    ...mine.map((c) => c.domain),
    ...mine
      .map((c) => c.companyName)
      .filter((n) => n.length > 6 && !otherText.includes(n.toLowerCase())),
    t.name,
    t.id,
  ];
}
