/**
 * Webpack loader for the event-runtime bundle (launchevent.js), which classic Outlook on Windows
 * runs in its JavaScript-only runtime: before build 2403 that runtime accepts ES2016 syntax only.
 *
 * 1. Third-party JavaScript (node_modules) is transpiled to ES2016 with TypeScript's transpiler
 *    (our own TypeScript already is, by ts-loader with target ES2016).
 * 2. Regular expressions using Unicode property escapes (`\p{L}`, `\P{Nd}`: ES2018) are rewritten
 *    to `new RegExp(...)` over the equivalent explicit code point classes (`\u0041-\u005a...`,
 *    ES2015 `u` syntax), each class kept once in a shared module. The ranges are computed at build
 *    time from Node's own Unicode tables, so the meaning is unchanged.
 *
 * Anything else newer than ES2016 that survives (named groups, lookbehind, the `s` flag) is left
 * alone and makes test/outlook/launchevent-bundle.test.ts fail, which is the point.
 */
'use strict';
const ts = require('typescript');
const acorn = require('acorn');
const fs = require('fs');
const path = require('path');

const MAX_CP = 0x10ffff;
const cache = new Map();

/** Code point ranges of a Unicode property, e.g. `L`, `Nd`, `Script=Latin`. */
function propertyRanges(name) {
  if (cache.has(name)) return cache.get(name);
  const re = new RegExp(`^\\p{${name}}$`, 'u');
  const ranges = [];
  let start = -1;
  for (let cp = 0; cp <= MAX_CP + 1; cp++) {
    const hit = cp <= MAX_CP && re.test(String.fromCodePoint(cp));
    if (hit && start < 0) start = cp;
    if (!hit && start >= 0) {
      ranges.push([start, cp - 1]);
      start = -1;
    }
  }
  cache.set(name, ranges);
  return ranges;
}

function complement(ranges) {
  const out = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

const hex = (cp) => (cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\u{${cp.toString(16)}}`);
const classBody = (ranges) => ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');

/**
 * Each property's class body is written once, to a small shared module, and imported where used:
 * `\p{L}` alone expands to ~10 KB and appears in several modules. The module holds the ranges
 * compactly (each as the gap from the previous range's end and its length less one, in base 36:
 * about a third of the escaped class gzipped, which the send handler carries on every Send) and
 * builds the same class body (`\u{41}-\u{5a}...`, for a `u` regexp) once when loaded.
 */
const CACHE_DIR = path.join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'second-thought-unicode');

/** Source of the module whose default export is the class body of `ranges`. */
function classModule(ranges) {
  let prev = -1;
  const packed = ranges
    .map(([a, b]) => {
      const gap = a - prev - 1;
      prev = b;
      return `${gap.toString(36)}${b > a ? `.${(b - a - 1).toString(36)}` : ''}`;
    })
    .join(',');
  return (
    `var packed = ${JSON.stringify(packed)}.split(','), body = '', at = -1;\n` +
    'for (var i = 0; i < packed.length; i++) {\n' +
    "  var part = packed[i].split('.'), from = at + 1 + parseInt(part[0], 36);\n" +
    "  at = part.length > 1 ? from + 1 + parseInt(part[1], 36) : from;\n" +
    "  body += '\\\\u{' + from.toString(16) + '}' + (at > from ? '-\\\\u{' + at.toString(16) + '}' : '');\n" +
    '}\n' +
    'export default body;\n'
  );
}

/** The class body classModule's module builds (used by tests and for checking). */
const moduleBody = (ranges) => ranges.map(([a, b]) => `\\u{${a.toString(16)}}${b > a ? `-\\u{${b.toString(16)}}` : ''}`).join('');

function sharedModule(key, ranges) {
  const file = path.join(CACHE_DIR, `${key.replace(/[^A-Za-z0-9_=-]/g, '_')}.js`);
  const text = classModule(ranges);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(file, text);
  }
  return file;
}

/**
 * Splits a `u`-flag pattern into literal pieces and property references:
 * `[\p{L}\p{N}_]+` -> ['[', {ref: 'L'}, {ref: 'N'}, '_]+'].
 */
function splitPattern(pattern) {
  const parts = [];
  let text = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        if (close < 0) throw new Error(`unterminated \\${next}{ in /${pattern}/`);
        const name = pattern.slice(i + 3, close);
        const negated = next === 'P';
        if (text) parts.push(text);
        text = '';
        if (inClass) parts.push({ name, negated });
        else {
          parts.push('[');
          parts.push({ name, negated });
          parts.push(']');
        }
        i = close;
        continue;
      }
      text += ch + (next === undefined ? '' : next);
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    text += ch;
  }
  if (text) parts.push(text);
  return parts;
}

/** The expanded pattern as one string (used by tests and for checking). */
function expandPattern(pattern) {
  return splitPattern(pattern)
    .map((p) => (typeof p === 'string' ? p : classBody(p.negated ? complement(propertyRanges(p.name)) : propertyRanges(p.name))))
    .join('');
}

function rewriteRegexps(code) {
  if (!/\\[pP]\{/.test(code)) return code;
  const edits = [];
  const imports = new Map();
  for (const token of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true })) {
    if (token.type.label !== 'regexp') continue;
    const { pattern, flags } = token.value;
    if (!flags.includes('u') || !/\\[pP]\{/.test(pattern)) continue;
    const pieces = splitPattern(pattern).map((p) => {
      if (typeof p === 'string') return JSON.stringify(p);
      const key = `${p.negated ? 'not-' : ''}${p.name}`;
      if (!imports.has(key)) {
        const ranges = p.negated ? complement(propertyRanges(p.name)) : propertyRanges(p.name);
        imports.set(key, { id: `__stUnicode${imports.size}`, file: sharedModule(key, ranges) });
      }
      return imports.get(key).id;
    });
    edits.push({ start: token.start, end: token.end, text: `new RegExp(${pieces.join(' + ')}, ${JSON.stringify(flags)})` });
  }
  let out = code;
  for (let k = edits.length - 1; k >= 0; k--) out = out.slice(0, edits[k].start) + edits[k].text + out.slice(edits[k].end);
  const header = [...imports.values()].map(({ id, file }) => `import ${id} from ${JSON.stringify(file)};\n`).join('');
  return header + out;
}

module.exports = function es2016Loader(source) {
  let code = String(source);
  if (/[\\/]node_modules[\\/]/.test(this.resourcePath)) {
    code = ts.transpileModule(code, {
      fileName: this.resourcePath.replace(/\.c?m?js$/, '.js'),
      compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.ESNext, allowJs: true, sourceMap: false, importHelpers: false },
    }).outputText;
  }
  return rewriteRegexps(code);
};
module.exports.expandPattern = expandPattern;
module.exports.rewriteRegexps = rewriteRegexps;
module.exports.classModule = classModule;
module.exports.moduleBody = moduleBody;
module.exports.propertyRanges = propertyRanges;
module.exports.complement = complement;
