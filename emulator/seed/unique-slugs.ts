/**
 * Hands out unique initial-domain slugs: `slug`, then `slug2`, `slug3`, … Remembers the next
 * number per base slug, so a name that is common in a 50,000-customer seed costs one probe, not
 * hundreds.
 */
export class UniqueSlugs {
  private readonly used = new Set<string>();
  private readonly nextNumber = new Map<string, number>();

  reserve(slug: string): void {
    this.used.add(slug);
  }

  take(slug: string): string {
    let candidate = slug;
    let n = this.nextNumber.get(slug) ?? 2;
    while (this.used.has(candidate)) candidate = `${slug.slice(0, 27 - String(n).length)}${n++}`;
    this.nextNumber.set(slug, n);
    this.used.add(candidate);
    return candidate;
  }
}
