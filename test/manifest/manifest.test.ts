/**
 * Offline structural checks of manifest.xml (office-addin-manifest's validate needs a remote
 * service; `npm run validate` runs it for those who are online). A small XML parser here keeps
 * the test independent of the network and of any XML library.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../browser/harness.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses well-formed XML (elements, attributes, text, comments, declaration); throws on anything malformed. */
export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    const line = src.slice(0, i).split('\n').length;
    throw new Error(`XML error at line ${line}: ${msg}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated declaration');
        i = end + 2;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (src.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
        i = end + 3;
      } else return;
    }
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.:-]*/.exec(src.slice(i, i + 200));
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.test(s)) fail(`bad entity in ${JSON.stringify(s.slice(0, 40))}`);
    return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e as 'amp']!);
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      while (/\s/.test(src[i])) i++;
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      const key = name();
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      while (/\s/.test(src[i])) i++;
      if (src[i] !== '=') fail('expected =');
      i++;
      while (/\s/.test(src[i])) i++;
      const q = src[i];
      if (q !== '"' && q !== "'") fail('expected a quoted value');
      const end = src.indexOf(q, i + 1);
      if (end < 0) fail('unterminated attribute');
      const raw = src.slice(i + 1, end);
      if (raw.includes('<')) fail('< in attribute');
      el.attrs[key] = decode(raw);
      i = end + 1;
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (src.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
        i = end + 3;
      } else if (src.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== el.name) fail(`</${close}> closes <${el.name}>`);
        while (/\s/.test(src[i])) i++;
        if (src[i] !== '>') fail('expected >');
        i++;
        el.text = el.text.trim();
        return el;
      } else if (src[i] === '<') {
        el.children.push(element());
      } else {
        const next = src.indexOf('<', i);
        el.text += decode(src.slice(i, next < 0 ? src.length : next));
        i = next < 0 ? src.length : next;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

export function walk(el: XmlElement, visit: (e: XmlElement, parents: XmlElement[]) => void, parents: XmlElement[] = []): void {
  visit(el, parents);
  for (const c of el.children) walk(c, visit, [...parents, el]);
}

const local = (n: string) => n.slice(n.indexOf(':') + 1);

export function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is not a PNG`);
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml (offline structural checks)', () => {
  const text = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const root = parseXml(text);
  const all: Array<{ e: XmlElement; parents: XmlElement[] }> = [];
  walk(root, (e, parents) => all.push({ e, parents }));
  const byName = (n: string) => all.filter((x) => local(x.e.name) === n).map((x) => x.e);

  it('the XML parser used here rejects malformed documents', () => {
    for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a><!-- -- --></a>', '<a></a><b/>', '<a']) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
    assert.equal(parseXml('<?xml version="1.0"?><a k="&amp;">t</a>').attrs.k, '&');
  });

  it('is a well-formed MailApp manifest under 256 KB', () => {
    assert.equal(root.name, 'OfficeApp');
    assert.equal(root.attrs['xsi:type'], 'MailApp');
    assert.ok(Buffer.byteLength(text) < 256 * 1024);
    assert.match(byName('Id')[0]!.text, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(byName('Permissions')[0]!.text, 'ReadWriteItem');
  });

  it('nests VersionOverrides 1.1 in 1.0 and requires Mailbox 1.12 (not higher: Mac lists 1.14)', () => {
    const vo = byName('VersionOverrides');
    assert.equal(vo.length, 2);
    assert.equal(vo[0]!.attrs['xsi:type'], 'VersionOverridesV1_0');
    assert.equal(vo[1]!.attrs['xsi:type'], 'VersionOverridesV1_1');
    assert.ok(vo[0]!.children.includes(vo[1]!));
    const sets = all.find((x) => local(x.e.name) === 'Sets' && x.parents.includes(vo[1]!))!.e;
    assert.equal(sets.attrs.DefaultMinVersion, '1.12');
    assert.equal(sets.children[0]!.attrs.Name, 'Mailbox');
  });

  it('declares the send handler with SoftBlock, the compose events, and a pinnable pane button', () => {
    const events = byName('LaunchEvent').map((e) => [e.attrs.Type, e.attrs.FunctionName, e.attrs.SendMode]);
    assert.deepEqual(events, [
      ['OnNewMessageCompose', 'stOnNewCompose', undefined],
      ['OnMessageRecipientsChanged', 'stOnRecipients', undefined],
      ['OnMessageSend', 'stOnSend', 'SoftBlock'],
    ]);
    const button = byName('Control').find((c) => c.attrs.id === 'stOpenPane');
    assert.ok(button, 'the pane button id matches PANE_COMMAND_ID');
    assert.ok(byName('SupportsPinning').some((e) => e.text === 'true'));
    const runtime = byName('Runtime')[0]!;
    const override = runtime.children.find((c) => local(c.name) === 'Override')!;
    assert.equal(override.attrs.type, 'javascript');
    const launchSource = all.find((x) => local(x.e.name) === 'SourceLocation' && x.parents.some((p) => p.attrs['xsi:type'] === 'LaunchEvent'))!.e;
    assert.equal(launchSource.attrs.resid, runtime.attrs.resid, 'LaunchEvent SourceLocation is the runtime page');
  });

  it('every resid resolves to a resource of the right kind, and ids are at most 32 characters', () => {
    const resources = new Map<string, string>();
    for (const kind of ['Image', 'Url', 'String']) for (const e of byName(kind)) if (e.attrs.id) resources.set(e.attrs.id, kind);
    const images = new Set(['Image']);
    let count = 0;
    walk(root, (e) => {
      const id = e.attrs.resid;
      if (!id) return;
      count++;
      assert.ok(id.length <= 32, `resid ${id} is longer than 32`);
      assert.ok(resources.has(id), `resid ${id} (on <${e.name}>) does not resolve`);
      const kind = resources.get(id)!;
      const n = local(e.name);
      if (n === 'Image') assert.ok(images.has(kind), `${id} should be an image`);
      if (['SourceLocation', 'FunctionFile', 'Runtime', 'Override'].includes(n)) assert.equal(kind, 'Url', `${id} on <${n}> should be a URL`);
      if (['Label', 'Title', 'Description'].includes(n)) assert.equal(kind, 'String', `${id} on <${n}> should be a string`);
    });
    assert.ok(count >= 10);
  });

  it('every FunctionName is associated at the top level of the handler source', () => {
    const source = readFileSync(join(ROOT, 'src/outlook/launchevent.ts'), 'utf8');
    const names = byName('LaunchEvent').map((e) => e.attrs.FunctionName!);
    assert.ok(names.length >= 3);
    for (const n of names) {
      const re = new RegExp(`^\\s{0,2}Office\\.actions\\.associate\\('${n}', ${n}\\);$`, 'm');
      assert.match(source, re, `${n} is not associated (at top level) in launchevent.ts`);
    }
    assert.doesNotMatch(source, /onReady\([^)]*associate/s, 'associate must not wait for onReady');
  });

  it('every URL is https and under one origin, and AppDomains names it', () => {
    const urls: string[] = [];
    walk(root, (e) => {
      for (const v of Object.values(e.attrs)) if (/^[a-z]+:\/\//i.test(v) && !v.startsWith('http://schemas.') && !v.startsWith('http://www.w3.org/')) urls.push(v);
      if (/^[a-z]+:\/\//i.test(e.text)) urls.push(e.text);
    });
    assert.ok(urls.length >= 10);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    for (const u of urls) assert.ok(u.startsWith('https://'), `${u} is not https`);
    assert.equal(origins.size, 1, [...origins].join(', '));
    assert.deepEqual(byName('AppDomain').map((e) => e.text), [...origins]);
  });

  it('every icon exists at the size it is declared with', () => {
    const images = new Map(byName('Image').filter((e) => e.attrs.id).map((e) => [e.attrs.id!, e.attrs.DefaultValue!]));
    const checks: Array<[string, number]> = [];
    for (const e of byName('Image')) if (e.attrs.resid) checks.push([images.get(e.attrs.resid)!, Number(e.attrs.size)]);
    checks.push([byName('IconUrl')[0]!.attrs.DefaultValue!, 64], [byName('HighResolutionIconUrl')[0]!.attrs.DefaultValue!, 128]);
    for (const [url, size] of checks) {
      const path = new URL(url).pathname;
      assert.match(path, /^\/assets\/icon-\d+\.png$/);
      const { width, height } = pngSize(join(ROOT, path));
      assert.deepEqual({ width, height }, { width: size, height: size }, path);
    }
    // every bt:Image resource points at an icon of the size in its name
    for (const [, url] of images) {
      const n = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      assert.equal(pngSize(join(ROOT, new URL(url).pathname)).width, n);
    }
  });

  it('every page and script it names is produced by the web build', () => {
    const webpackConfig = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
    for (const e of byName('Url')) {
      const file = new URL(e.attrs.DefaultValue!).pathname.slice(1);
      assert.ok(webpackConfig.includes(`'${file}'`) || (file === 'launchevent.js' && webpackConfig.includes('launchevent:')), `${file} is not built`);
    }
  });
});
