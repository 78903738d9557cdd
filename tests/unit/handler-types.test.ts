/**
 * The editor's types follow the lab's broker (src/islands/CodeLab/handler-types.ts): every lab's
 * starter and solution (in both languages) type-check against its own broker's API, and a handler written for another
 * broker's message, or reading a field its broker does not deliver, does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { handlerApiFor, messageTypeOf } from '../../src/islands/CodeLab/handler-types';
import { labs } from '../../src/sandbox/labs';

const api = readFileSync(new URL('../../src/sim/consumers/handler-api.d.ts', import.meta.url), 'utf8');
/** Each broker's `<id>.handler-api.d.ts`, by protocol id, as the editor loads them. */
const protocolsDir = new URL('../../src/sim/protocols/', import.meta.url);
const brokerApis: Record<string, string> = {};
for (const id of readdirSync(protocolsDir)) {
  const file = new URL(`${id}/${id}.handler-api.d.ts`, protocolsDir);
  if (existsSync(file)) brokerApis[id] = readFileSync(file, 'utf8');
}
const MESSAGE_TYPE = Object.fromEntries(Object.entries(brokerApis).map(([p, text]) => [p, messageTypeOf(text)!]));

/** TypeScript's errors for `sources` (name → text) against the lab API of `protocol`, as the editor configures it. */
function errors(protocol: string, sources: Record<string, string>): Record<string, string[]> {
  const files: Record<string, string> = { '/handler-api.d.ts': handlerApiFor(api, brokerApis[protocol]!) };
  for (const [name, text] of Object.entries(sources)) files[`/${name}.ts`] = text;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    strict: true,
    noEmit: true,
    lib: ['lib.es2020.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) => (files[name] !== undefined ? ts.createSourceFile(name, files[name]!, lang) : read(name, lang));
  host.fileExists = (name) => files[name] !== undefined || ts.sys.fileExists(name);
  host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(sources)) {
    const file = program.getSourceFile(`/${name}.ts`)!;
    out[name] = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) =>
      ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    );
  }
  return out;
}

describe('the editor’s types follow the lab’s broker', () => {
  it('every broker with a code lab declares its message type in its folder, each its own', () => {
    expect(MESSAGE_TYPE).toEqual({
      ack: 'QueueMessage',
      jetstream: 'JetStreamMessage',
      kafka: 'KafkaRecord',
      rabbitmq: 'RabbitMessage',
      rocketmq: 'RocketMessage',
    });
    for (const lab of Object.values(labs)) expect(MESSAGE_TYPE[lab.protocol ?? 'ack'], lab.id).toBeDefined();
  });

  const byProtocol = new Map<string, Record<string, string>>();
  for (const lab of Object.values(labs)) {
    const p = lab.protocol ?? 'ack';
    const zh = lab.sources['zh-cn'];
    byProtocol.set(p, {
      ...byProtocol.get(p),
      [`${lab.id}-starter`]: lab.starter,
      [`${lab.id}-solution`]: lab.solution,
      [`${lab.id}-starter-zh-cn`]: zh.starter,
      [`${lab.id}-solution-zh-cn`]: zh.solution,
    });
  }

  for (const [protocol, sources] of byProtocol) {
    it(`${protocol}: every lab's starter and solution type-check; other brokers' messages do not exist`, () => {
      const others = Object.entries(MESSAGE_TYPE).filter(([p]) => p !== protocol);
      const wrong = Object.fromEntries(
        others.map(([p, type]) => [
          `uses-${p}`,
          `export function handle(msg: ${type}, ctx: HandlerContext) { ctx.effects.addToBalance(msg.body.order, msg.body.amount); }`,
        ]),
      );
      const result = errors(protocol, { ...sources, ...wrong });
      for (const name of Object.keys(sources)) expect(result[name], name).toEqual([]);
      for (const [p, type] of others) expect(result[`uses-${p}`]!.join(' '), `${type} in a ${protocol} lab`).toContain(`Cannot find name '${type}'`);
    });
  }

  it('a field the broker does not deliver is an error: Kafka records have no redelivered flag', () => {
    const result = errors('kafka', {
      skip:
        'export function handle(msg: HandlerMessage, ctx: HandlerContext) { if (msg.redelivered) return; ' +
        'ctx.effects.addToBalance(msg.body.order, msg.body.amount); }',
    });
    expect(result.skip!.join(' ')).toContain("Property 'redelivered' does not exist");
  });
});
