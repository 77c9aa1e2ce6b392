import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import * as acorn from 'acorn';

const require = createRequire(import.meta.url);
const loader = require('../../src/outlook/build/es2016-loader.cjs') as {
  expandPattern(pattern: string): string;
  rewriteRegexps(code: string): string;
  classModule(ranges: Array<[number, number]>): string;
  moduleBody(ranges: Array<[number, number]>): string;
  propertyRanges(name: string): Array<[number, number]>;
  complement(ranges: Array<[number, number]>): Array<[number, number]>;
};

/** Runs a shared class module (ES2016 script body plus `export default`) and returns its export. */
function runClassModule(source: string): string {
  assert.doesNotThrow(() => acorn.parse(source, { ecmaVersion: 2016, sourceType: 'module' }));
  const sandbox: { body?: string } = {};
  vm.runInNewContext(source.replace(/export default body;\n$/, 'this.body = body;'), sandbox);
  return sandbox.body!;
}

describe('outlook/build/es2016-loader', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['\\p{L}', ['a', 'é', 'Ж', '字', '𝒜'], ['1', ' ', '-', '٣']],
    ['\\P{L}', ['1', ' ', '-'], ['a', 'é']],
    ['[\\p{L}\\p{N}_]+', ['abc', 'é٣_', '𝒜1'], ['-', ' ']],
    ['\\p{Nd}', ['0', '٣', '９'], ['a', 'Ⅻ']],
    ['\\p{M}', ['\u0301', '\u0308'], ['a']],
  ];
  for (const [pattern, yes, no] of cases) {
    it(`/${pattern}/u expands to an ES2016 pattern that matches the same`, () => {
      const original = new RegExp(`^(?:${pattern})$`, 'u');
      const expanded = loader.expandPattern(pattern);
      assert.doesNotMatch(expanded, /\\[pP]\{/);
      const rewritten = new RegExp(`^(?:${expanded})$`, 'u');
      for (const s of yes) assert.equal(rewritten.test(s), original.test(s) && true, `${s} should match`);
      for (const s of no) assert.equal(rewritten.test(s), false, `${s} should not match`);
      // equivalence over a sample of the whole code space
      for (let cp = 0; cp <= 0x10ffff; cp += 997) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        if (!pattern.endsWith('+')) assert.equal(rewritten.test(ch), original.test(ch), `U+${cp.toString(16)}`);
      }
    });
  }

  for (const [name, negated] of [['L', false], ['M', false], ['Nd', false], ['L', true]] as const) {
    it(`the shared module for ${negated ? '\\P' : '\\p'}{${name}} builds a class that matches exactly the same code points`, () => {
      const ranges = negated ? loader.complement(loader.propertyRanges(name)) : loader.propertyRanges(name);
      const source = loader.classModule(ranges);
      const body = runClassModule(source);
      assert.equal(body, loader.moduleBody(ranges));
      const built = new RegExp(`^[${body}]$`, 'u');
      const original = new RegExp(`^${negated ? '\\P' : '\\p'}{${name}}$`, 'u');
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        if (built.test(ch) !== original.test(ch)) assert.fail(`U+${cp.toString(16)}`);
      }
      // compact: well under the escaped class it replaces (for the large classes it is written for)
      assert.ok(source.length < loader.expandPattern(`${negated ? '\\P' : '\\p'}{${name}}`).length / 2 || ranges.length < 100);
    });
  }

  it('rewrites only regexp literals with property escapes, and the result is ES2016', () => {
    const code = 'const a = /\\p{L}+/gu; const b = x / 2 / y; const c = "/\\\\p{L}/u"; const d = /[\\p{M}\\/]/u; const e = /plain/g;';
    const out = loader.rewriteRegexps(code);
    assert.match(out, /^import __stUnicode0 from "[^"]+L\.js";\nimport __stUnicode1 from "[^"]+M\.js";\n/);
    assert.match(out, /const a = new RegExp\("\[" \+ __stUnicode0 \+ "\]" \+ "\+", "gu"\);/);
    assert.match(out, /const b = x \/ 2 \/ y;/);
    assert.match(out, /const c = "\/\\\\p\{L\}\/u";/, 'strings are left alone');
    assert.match(out, /const e = \/plain\/g;/);
    assert.doesNotThrow(() => acorn.parse(out, { ecmaVersion: 2016, sourceType: 'module' }));
    assert.throws(() => acorn.parse(code, { ecmaVersion: 2016, sourceType: 'module' }));
  });
});
