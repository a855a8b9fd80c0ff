// Python: a Django settings module written for a developer machine, told by what it serves rather than by its file name.
import type { PySource } from '../../../languages/python';

/** Host names that only a browser on the same machine sends: loopback addresses, `*.localhost`, Django's test client. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|\.?(?:[\w-]+\.)*localhost|testserver)(?::\d+)?$/i;

/**
 * Whether every module-level `ALLOWED_HOSTS` assignment is a literal list of loopback names (`['.localhost', '127.0.0.1']`):
 * such a module (`settings/docker.py` for a local container, say) cannot serve a real site, so DEBUG or non-Secure cookies
 * in it are development choices. False when ALLOWED_HOSTS is not set, is read from elsewhere, or names any other host.
 */
export function servesOnlyLocalhost(src: PySource): boolean {
  let seen = false;
  for (const a of src.assignments()) {
    if (a.target !== 'ALLOWED_HOSTS' || a.indent !== 0) continue;
    const v = src.literal(a.from, a.to);
    if (v?.kind !== 'list' || v.items.length === 0) return false;
    if (!v.items.every((i) => i?.kind === 'str' && LOCAL_HOST.test(i.value))) return false;
    seen = true;
  }
  return seen;
}
