/**
 * A small static server for a built Docusaurus site, on 127.0.0.1 and a free port. It resolves
 * paths like `docusaurus serve` does with the default `trailingSlash` (`/a` and `/a/` both serve
 * `a/index.html`, `/a.html` is tried for `/a`), answers unknown paths with the site's 404 page and
 * status 404, and can gzip text responses (Lighthouse reads page weight as a real host serves it).
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a URL path names in the site, or null. Shared with the link check, so "the link's target
 * exists" means exactly "the server would serve it".
 */
export function resolveInSite(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const local = normalize(join(root, decoded));
  if (local !== root && !local.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const candidates = decoded.endsWith('/') ? [join(local, 'index.html')] : [local, `${local}.html`, join(local, 'index.html')];
  return candidates.find(isFile) ?? null;
}

export interface StaticSite {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveSite(root: string, options: { gzip?: boolean } = {}): Promise<StaticSite> {
  // Crafted share links are long: accept URLs past Node's default 16 KB header limit.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let file = resolveInSite(root, path);
    let status = 200;
    if (file === null) {
      status = 404;
      file = resolveInSite(root, '/404.html');
      if (file === null) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    const type = contentTypeOf(file);
    const headers: Record<string, string> = {
      'content-type': type,
      // Hashed assets never change; pages are revalidated, as on a typical static host.
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    const gzip = options.gzip === true && compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    } else {
      headers['content-length'] = String(statSync(file).size);
    }
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    if (gzip) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // Never keeps the process alive on its own: the suite ends even if closing is forgotten.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
