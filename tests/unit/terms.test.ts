import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One term per concept across the Chinese site. Each rule names the variants a page or a UI string
 * must not use and the term to write instead; the term is defined in the glossary (content/docs/*
 * /glossary.mdx) under `anchor`. Code is exempt: fenced blocks, `inline code`, JSX and HTML tags, URLs,
 * `{placeholders}`, the English title of a linked document, and a pure-ASCII gloss in full-width
 * brackets after a Chinese term, as in 位点（offset）. English names stay where they are a config or API
 * name, which is always in code. Failures name the file, the line, the variant and the term to use.
 *
 * In the glossary, a variant in Chinese quotation marks (“位移”) names an alias, so it is allowed there;
 * a rule's `quotedIn` allows one quoted mention on the listed pages too (the first use of the term).
 */
interface TermRule {
  /** The variants, as a global regular expression over text with code removed. */
  banned: RegExp;
  /** What to write instead. */
  use: string;
  /** The chosen term's anchor in both glossaries, or null for a phrasing rule (no glossary entry). */
  anchor: string | null;
  /** Pages (relative to content/docs/zh-cn) that may mention a variant once, in quotation marks. */
  quotedIn?: string[];
  /** Text around a variant that makes it acceptable (e.g. the title of a document it links to). */
  except?: RegExp;
}

const termRules: TermRule[] = [
  { banned: /位移|偏移量/g, use: '位点', anchor: 'offset' },
  { banned: /(?<![\w.$-])offsets?(?![\w.(-])/gi, use: '位点（offset 只作配置名或 API 名，写在代码里）', anchor: 'offset' },
  { banned: /(?<![\w.-])rebalanc(?:e|es|ing)(?![\w.-])/gi, use: '再均衡', anchor: 'rebalance' },
  // RocketMQ's Chinese docs call the rebalance 消费者负载均衡: the RocketMQ chapter says so once, and the
  // title of that docs page keeps its name.
  { banned: /负载均衡/g, use: '再均衡', anchor: 'rebalance', quotedIn: ['brokers/rocketmq.mdx'], except: /\[消费者负载均衡/g },
  { banned: /调度/g, use: '执行顺序', anchor: 'schedule' },
  { banned: /不变式/g, use: '不变量', anchor: 'invariant' },
  { banned: /恰好一次|精准一次/g, use: '精确一次', anchor: 'exactly-once' },
  { banned: /消费组/g, use: '消费者组', anchor: 'consumer-group' },
  { banned: /确认超时/g, use: 'ack 超时', anchor: 'ack-timeout' },
  { banned: /去重表|幂等表|inbox ?表/gi, use: '消费记录表', anchor: 'inbox', quotedIn: ['concepts/idempotent-consumers.mdx', 'myths.mdx'] },
  { banned: /去重 ?key/gi, use: '去重键', anchor: 'dedup-key' },
  { banned: /业务主键/g, use: '业务键', anchor: 'dedup-key' },
  { banned: /本地消息表/g, use: '事务发件箱', anchor: 'outbox', quotedIn: ['concepts/deduplication.mdx'] },
  { banned: /事务性发件箱|事务外发箱|外发箱|(?<!事务)发件箱(?!表)/g, use: '事务发件箱', anchor: 'outbox' },
  { banned: /(?<![\w.-])outbox(?![\w.-])/gi, use: '事务发件箱', anchor: 'outbox' },
  { banned: /堆积/g, use: '消息积压', anchor: 'backlog' },
  // Word-for-word translations that read oddly in Chinese.
  { banned: /主人/g, use: '被重新分配 / 接手的消费者 / 原来的消费者', anchor: null },
  { banned: /体面交接/g, use: '正常交出分区', anchor: null },
  { banned: /爆炸半径/g, use: '一次崩溃会退回多少条', anchor: null },
];

const root = new URL('../../', import.meta.url).pathname;
const zhDocs = join(root, 'content/docs/zh-cn');
const cjk = /[\u3400-\u9fff]/;

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Replaces every match with spaces of the same length, so columns and line numbers survive. */
const blank = (text: string, pattern: RegExp) => text.replace(pattern, (m) => m.replace(/[^\n]/g, ' '));

/** Removes what is code, not prose, from a line (or a string) of Chinese text. */
function prose(text: string): string {
  let t = text;
  t = blank(t, /`[^`\n]*`/g); // inline code
  t = blank(t, /<[^<>\n]*>/g); // JSX and HTML tags
  t = blank(t, /\[[^\]\u3400-\u9fff\n]*\]\(/g); // the text of a link with no Chinese in it: an English title
  t = blank(t, /\]\([^)\n]*\)/g); // link targets
  t = blank(t, /https?:\/\/[^\s)）]+/g); // bare URLs
  t = blank(t, /\{[^{}\n]*\}/g); // placeholders and JSX expressions
  t = blank(t, /（[\x20-\x7e]+）/g); // an English gloss after a Chinese term
  return t;
}

/** An MDX page as prose lines: frontmatter text kept, imports and fenced code blanked. */
function mdxProse(source: string): string[] {
  let fenced = false;
  return source.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    if (fenced || /^import\s/.test(line)) return '';
    return prose(line);
  });
}

/** The Chinese string literals of a TS/TSX/Astro/JS/JSON source, as prose at their line numbers. */
function stringProse(source: string): string[] {
  return source.split('\n').map((line) => {
    if (!cjk.test(line)) return '';
    const literals = line.match(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
    // Keep each Chinese literal where it stands; blank everything else (keys, code, English strings).
    let out = ' '.repeat(line.length);
    let from = 0;
    for (const lit of literals) {
      const at = line.indexOf(lit, from);
      from = at + lit.length;
      if (!cjk.test(lit)) continue;
      const inner = lit.slice(1, -1);
      out = out.slice(0, at + 1) + prose(inner) + out.slice(at + 1 + inner.length);
    }
    return out;
  });
}

interface Source {
  file: string;
  lines: string[];
  glossary: boolean;
}

function sources(): Source[] {
  const pages = walk(zhDocs, (p) => p.endsWith('.mdx') || p.endsWith('.md')).map((p) => ({
    file: relative(root, p),
    lines: mdxProse(readFileSync(p, 'utf8')),
    glossary: relative(zhDocs, p) === 'glossary.mdx',
  }));
  // UI strings: the Starlight i18n file, and the Chinese strings in modules the site renders
  // (question bank, quizzes, labs, simulator text, components, the sidebar in astro.config.mjs).
  const modules = [
    ...walk(join(root, 'content'), (p) => /\.(ts|tsx|json)$/.test(p) && !p.includes('/i18n/en.json')),
    ...walk(join(root, 'src'), (p) => /\.(ts|tsx|astro|js|mjs)$/.test(p)),
    join(root, 'astro.config.mjs'),
  ].map((p) => ({ file: relative(root, p), lines: stringProse(readFileSync(p, 'utf8')), glossary: false }));
  // The comments of the labs' Chinese starters and solutions: readers see them in the editor.
  const labComments = walk(join(root, 'content/labs'), (p) => p.endsWith('.zh-cn.ts')).map((p) => ({
    file: relative(root, p),
    lines: readFileSync(p, 'utf8')
      .split('\n')
      .map((line) => {
        const at = line.indexOf('// ');
        return at === -1 || !cjk.test(line.slice(at)) ? '' : ' '.repeat(at) + prose(line.slice(at));
      }),
    glossary: false,
  }));
  return [...pages, ...modules, ...labComments];
}

interface Finding {
  where: string;
  found: string;
  use: string;
}

function findings(rule: TermRule, all: Source[]): Finding[] {
  const out: Finding[] = [];
  for (const source of all) {
    const page = source.file.startsWith('content/docs/zh-cn/') ? relative('content/docs/zh-cn', source.file) : null;
    const quotedAllowed = source.glossary || (page !== null && rule.quotedIn?.includes(page));
    let quoted = 0;
    source.lines.forEach((raw, i) => {
      const line = rule.except ? blank(raw, rule.except) : raw;
      for (const m of line.matchAll(rule.banned)) {
        const at = m.index ?? 0;
        const isQuoted = line.slice(0, at).lastIndexOf('“') > line.slice(0, at).lastIndexOf('”') && line.indexOf('”', at) !== -1;
        if (isQuoted && quotedAllowed && (source.glossary || ++quoted <= 1)) continue;
        out.push({ where: `${source.file}:${i + 1}`, found: m[0], use: rule.use });
      }
    });
  }
  return out;
}

describe('Chinese terms: one term per concept', () => {
  const all = sources();

  it('scans the Chinese pages and the Chinese UI strings', () => {
    const files = all.map((s) => s.file);
    expect(files).toContain('content/docs/zh-cn/glossary.mdx');
    expect(files).toContain('content/i18n/zh-CN.json');
    expect(files).toContain('content/interview/questions.ts');
    expect(files).toContain('content/labs/check-then-act/starter.zh-cn.ts');
    expect(all.filter((s) => s.lines.some((l) => cjk.test(l))).length).toBeGreaterThan(30);
  });

  for (const rule of termRules) {
    it(`${rule.banned.source} → ${rule.use}`, () => {
      const report = findings(rule, all).map((f) => `${f.where}: “${f.found}” → ${f.use}`);
      expect(report, report.join('\n')).toEqual([]);
    });
  }
});

/** The anchors a glossary page defines (`<span id="…">` at the start of a term's heading). */
function glossaryTerms(lang: 'en' | 'zh-cn'): Map<string, string> {
  const source = readFileSync(join(root, `content/docs/${lang}/glossary.mdx`), 'utf8');
  const terms = new Map<string, string>();
  for (const m of source.matchAll(/^#{2,4} <span id="([a-z0-9-]+)"><\/span>(.*)$/gm)) terms.set(m[1]!, m[2]!);
  return terms;
}

describe('glossary', () => {
  const en = glossaryTerms('en');
  const zh = glossaryTerms('zh-cn');

  it('defines the same terms, under the same anchors, in both languages', () => {
    expect(zh.size).toBeGreaterThanOrEqual(20);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('defines every chosen term of the term rules, under its anchor', () => {
    for (const rule of termRules) {
      if (!rule.anchor) continue;
      expect(zh.has(rule.anchor), `zh-cn glossary has #${rule.anchor}`).toBe(true);
      for (const term of rule.use.split(/[（/]/)[0]!.split('、')) {
        expect(zh.get(rule.anchor), `#${rule.anchor} names ${term}`).toContain(term.trim());
      }
    }
  });

  it('every link to a glossary entry, in either language, points at a term it defines', () => {
    for (const lang of ['en', 'zh-cn'] as const) {
      const terms = lang === 'en' ? en : zh;
      for (const file of walk(join(root, 'content/docs', lang), (p) => p.endsWith('.mdx'))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\]\((?:\.\.\/)*glossary\/#([^)\s]+)\)|\]\(#([a-z0-9-]+)\)/g)) {
          const anchor = m[1] ?? (file.endsWith('glossary.mdx') ? m[2] : undefined);
          if (anchor) expect(terms.has(anchor), `${relative(root, file)} links to glossary #${anchor}`).toBe(true);
        }
        // Emphasis goes inside the link: after a Chinese character, `**[术语](…)**` does not open bold.
        expect(text.match(/\*\[[^\]]*\]\((?:\.\.\/)*glossary\/[^)]*\)\*/g) ?? [], relative(root, file)).toEqual([]);
      }
    }
  });
});
