import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, describe, expect, it } from 'vitest';
import { webApp } from './web-app.js';

const dir = mkdtempSync(join(tmpdir(), 'layanan-web-'));
const root = join(dir, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Layanan</title>');
writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'app-abc123.css'), 'body{}');
writeFileSync(join(dir, 'secret.txt'), 'outside the root');

const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'hi' } },
  }),
  landingPage: false,
  plugins: [webApp({ root, devLogin: true })],
});
const get = (path: string, init: RequestInit = {}) =>
  yoga.fetch(new Request(`http://layanan.test${path}`, init));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('web app static handler', () => {
  it('serves index.html at / with a content security policy', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>Layanan</title>');
  });

  it('serves assets with their content type and a long cache', async () => {
    const js = await get('/assets/app-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await get('/assets/app-abc123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client routes, 404 for missing files', async () => {
    const route = await get('/layanan/PBG');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Layanan</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('never leaves the root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await get(path);
      expect(await response.text()).not.toContain('outside the root');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('leaves the API paths alone and tells the app whether devLogin works', async () => {
    const graphql = await get('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(await graphql.json()).toEqual({ data: { hello: 'hi' } });
    expect((await get('/open311/v2/services.json')).status).toBe(404);
    expect(await (await get('/web-config.json')).json()).toEqual({ devLogin: true });
    expect((await get('/', { method: 'POST' })).status).not.toBe(200);
  });
});
