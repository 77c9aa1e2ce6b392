/**
 * A small static file server for dist/: `npm start` runs it over HTTPS on localhost:3000; the
 * browser tests run it over plain HTTP on a free port. Files only, no directory listings, nothing
 * outside the root, no network access of its own.
 */
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hashed names never change content; the rest (pages, launchevent.js, policy.json) is revalidated. */
const HASHED = /\.[0-9a-f]{10}\.(js|css)(\.map)?$/;

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Called once per request, e.g. for logging. */
  onRequest?: (method: string, url: string, status: number) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Resolves a URL path to a file under root, or null when it would escape root. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = normalize(join(base, decoded));
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const handler: http.RequestListener = (req, res) => {
    const finish = (status: number) => options.onRequest?.(req.method ?? 'GET', req.url ?? '/', status);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return finish(405);
    }
    let file = resolveUnder(root, req.url ?? '/');
    if (!file) {
      res.writeHead(400).end();
      return finish(400);
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return finish(404);
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    if (req.method === 'HEAD') {
      res.end();
      return finish(200);
    }
    createReadStream(file).pipe(res);
    finish(200);
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler) : http.createServer(handler);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      const scheme = options.tls ? 'https' : 'http';
      const host = options.host && options.host !== '127.0.0.1' ? options.host : 'localhost';
      resolvePromise({
        url: `${scheme}://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
