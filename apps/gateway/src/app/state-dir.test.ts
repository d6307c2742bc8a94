// Issue 18: a throw-away (`memory://`) database writes its mail, files and keys to a temporary
// directory of the process, never into the working directory (tests and e2e runs left
// apps/web/mail/ and apps/web/files/ behind).
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('local files of a gateway', () => {
  it('go to one temporary directory per process with a memory:// database', () => {
    const config = loadConfig({ NODE_ENV: 'test', LAYANAN_DATA_DIR: 'memory://' });
    const dir = config.mail.dir.replace(/\/mail$/, '');
    expect(isAbsolute(dir) && dir.startsWith(tmpdir())).toBe(true);
    expect(config.mail.dir).toBe(join(dir, 'mail'));
    expect(config.filesDir).toBe(join(dir, 'files'));
    expect(config.mail.linkKey).toEqual({ kind: 'file', path: join(dir, 'mail-link.key') });
    expect(loadConfig({ NODE_ENV: 'test', LAYANAN_DATA_DIR: 'memory://' }).mail.dir).toBe(config.mail.dir);
  });

  it('go beside the data directory otherwise (.data/ for `pnpm start`)', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.mail.dir).toBe(join('.data', 'mail'));
    expect(config.filesDir).toBe(join('.data', 'files'));
    expect(config.mail.linkKey).toEqual({ kind: 'file', path: join('.data', 'mail-link.key') });
  });
});
