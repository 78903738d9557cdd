/**
 * A tiny static file server for the built site, used by the browser tests and the base-path check.
 * It serves `root` under `base` (e.g. '/lab/'), answers unknown paths with the site's 404 page and a
 * 404 status (as a static host would), and listens on 127.0.0.1 only.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Resolves a URL path to a file under root, or null when it leaves root or does not exist. */
async function resolveFile(root, relPath) {
  const safe = normalize(decodeURIComponent(relPath)).replace(/^(\.\.(\/|\\|$))+/, '');
  let file = join(root, safe);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const info = await stat(file);
    if (info.isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return null;
  }
}

/** Text types a static host compresses. */
const compressible = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/**
 * Starts the server; resolves to { url, close } where url ends with the base path. With `gzip`, text
 * files are sent gzipped to clients that accept it, as a static host does (the page benchmark).
 */
export async function startStaticServer({ root: rootDir, base = '/', gzip = false }) {
  const root = resolve(rootDir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const inside = path.startsWith(prefix) || `${path}/` === prefix;
    const file = inside ? await resolveFile(root, path.slice(prefix.length)) : null;
    if (inside && !file && !path.endsWith('/') && !extname(path)) {
      // A directory without its trailing slash: redirect, as static hosts do.
      if (await resolveFile(root, `${path.slice(prefix.length)}/`)) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
    }
    const body = file ? await readFile(file) : await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
    const type = types[extname(file ?? '404.html')] ?? 'application/octet-stream';
    const zipped = gzip && compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(file ? 200 : 404, {
      'content-type': type,
      'cache-control': 'no-store',
      ...(zipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(zipped ? gzipSync(body) : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
