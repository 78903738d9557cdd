#!/usr/bin/env node
/**
 * `npm run format:check` (part of `npm test`): no line of code longer than the width Prettier is
 * configured with (.prettierrc.json). Prettier wraps code but never breaks a string, and it does not
 * format .astro files here, so this checks what it cannot: long strings are split into pieces joined
 * with `+`, long attribute lists wrapped by hand. Lengths are in characters (a Chinese character is
 * one), as an editor shows them. Not checked: JSON (a string there cannot be split) and Markdown.
 * A line whose only long part is an inline data URL (which has no place to break) is allowed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const width = JSON.parse(readFileSync(join(root, '.prettierrc.json'), 'utf8')).printWidth;
const extensions = /\.(ts|tsx|mjs|css|astro)$/;
const skipDirs = new Set(['node_modules', 'dist', '.astro', '.git']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (skipDirs.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (extensions.test(name)) yield path;
  }
}

const over = [];
const check = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const length = [...line].length;
      if (length > width && !/url\("data:/.test(line)) over.push(`${relative(root, path)}:${i + 1}: ${length} characters`);
    });
for (const dir of ['src', 'tests', 'scripts', 'content']) for (const path of files(join(root, dir))) check(path);
for (const name of readdirSync(root)) if (extensions.test(name) && statSync(join(root, name)).isFile()) check(join(root, name));
if (over.length > 0) {
  console.error(`${over.length} line(s) longer than ${width} characters (split long strings with +, wrap long lists):\n${over.join('\n')}`);
  process.exit(1);
}
