// The origin an AI key is bound to (crates/gongbang-ai: one keychain item per origin). Kept apart from the
// components (and free of Tauri) so the test mock shares the exact same behaviour.

/** The origin (scheme, host, port) a key is bound to; null for an address that cannot be read. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
