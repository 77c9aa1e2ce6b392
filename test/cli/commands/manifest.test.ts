import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, parseHost, parseXml, rewriteManifest } from '../../../src/cli/commands/manifest.js';
import { ROOT, assertOneLineError, cli } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

const TEMPLATE_PATH = join(ROOT, 'manifest.xml');
const template = (): string => readFileSync(TEMPLATE_PATH, 'utf8');
const HOST = parseHost('https://addins.contoso.test/tools/second-thought/');

describe('cli/commands/manifest', () => {
  it('moves every URL to the new base, AppDomain to its origin, and passes the checks', () => {
    const before = template();
    const { xml, problems } = rewriteManifest(before, HOST, 'block');
    assert.deepEqual(problems, []);
    assert.doesNotMatch(xml, /localhost/);
    assert.match(xml, /<AppDomain>https:\/\/addins\.contoso\.test<\/AppDomain>/);
    assert.match(xml, /<bt:Url id="St\.EventJs" DefaultValue="https:\/\/addins\.contoso\.test\/tools\/second-thought\/launchevent\.js"\/>/);
    assert.match(xml, /Type="OnMessageSend" FunctionName="stOnSend" SendMode="Block"/);
    // Same number of URLs as the template: nothing dropped.
    const count = (s: string): number => (s.match(/https:\/\//g) ?? []).length;
    assert.equal(count(xml), count(before));
    assert.equal(template(), before, 'the repository manifest is not modified');
  });

  it('a written manifest can be rewritten again for another host', () => {
    const first = rewriteManifest(template(), HOST).xml;
    const second = rewriteManifest(first, parseHost('https://st.example.org'));
    assert.deepEqual(second.problems, []);
    assert.doesNotMatch(second.xml, /contoso/);
    assert.match(second.xml, /DefaultValue="https:\/\/st\.example\.org\/taskpane\.html"/);
  });

  it('send modes map to the manifest names', () => {
    for (const [mode, name] of [['prompt', 'PromptUser'], ['soft-block', 'SoftBlock'], ['block', 'Block']] as const) {
      assert.equal(checkManifest(rewriteManifest(template(), HOST, mode).xml, HOST).sendMode, name);
    }
    assert.equal(checkManifest(rewriteManifest(template(), HOST).xml, HOST).sendMode, 'SoftBlock', 'template default kept');
  });

  describe('structural checks catch a broken template', () => {
    const broken: Array<[string, (s: string) => string, RegExp]> = [
      ['unclosed element', (s) => s.replace('</Hosts>', ''), /not well-formed XML/],
      ['mismatched close', (s) => s.replace('</Permissions>', '</Permission>'), /not well-formed XML: <\/Permission> closes <Permissions>/],
      ['a resid with no resource', (s) => s.replace(/<bt:Url id="St\.EventJs"[^>]*\/>/, ''), /refers to resid "St\.EventJs"/],
      ['no send event', (s) => s.replace(/<LaunchEvent Type="OnMessageSend"[^>]*\/>/, ''), /no <LaunchEvent Type="OnMessageSend">/],
      ['an unknown send mode', (s) => s.replace('SendMode="SoftBlock"', 'SendMode="Maybe"'), /SendMode must be one of/],
      ['a URL on another host', (s) => s.replace('https://localhost:3000/help.html', 'https://cdn.other.test/help.html'), /<SupportUrl> URL is not under https:\/\/addins\.contoso\.test\/tools\/second-thought/],
      ['an http URL', (s) => s.replace('https://localhost:3000/assets/icon-64.png', 'http://localhost:3000/assets/icon-64.png'), /<IconUrl> URL is not https/],
      ['a missing required element', (s) => s.replace(/<ProviderName>.*<\/ProviderName>/, ''), /missing <ProviderName>/],
      ['a bad GUID', (s) => s.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), /<Id> must be a GUID/],
    ];
    for (const [name, edit, message] of broken) {
      it(name, () => {
        const { problems } = rewriteManifest(edit(template()), HOST);
        assert.ok(problems.some((p) => message.test(p)), problems.join('\n'));
      });
    }
  });

  it('parseXml: elements, attributes, comments, entities; errors say where', () => {
    const t = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b y=\'&lt;\'/>text<c>in</c></a>');
    assert.ok(typeof t !== 'string');
    assert.equal(t.attrs.x, '1 & 2');
    assert.deepEqual(t.children.map((c) => [c.name, c.attrs]), [['b', { y: '<' }], ['c', {}]]);
    assert.equal(t.text, 'text');
    const bad: Array<[string, RegExp]> = [
      ['<a><b></a>', /<\/a> closes <b>/],
      ['<a>', /<a> is never closed/],
      ['<a></a><b/>', /second root/],
      ['<a x=1/>', /unquoted/],
      ['<a x="1" x="2"/>', /twice/],
      ['<!DOCTYPE a><a/>', /DOCTYPE/],
      ['{"json": true}', /no XML element/],
    ];
    for (const [xml, message] of bad) assert.match(String(parseXml(xml)), message, xml);
  });

  describe('command line', () => {
    it('prints the manifest; --out writes it and says where to host', async () => {
      const printed = await cli(['manifest', '--host', 'https://addins.contoso.test/st']);
      assert.equal(printed.code, 0);
      assert.match(printed.stdout, /^<\?xml/);
      assert.deepEqual(checkManifest(printed.stdout, parseHost('https://addins.contoso.test/st')).problems, []);
      const out = join(tempDir('st-manifest-'), 'manifest.xml');
      const written = await cli(['manifest', '--host', 'https://addins.contoso.test/st', '--send-mode', 'prompt', '--out', out]);
      assert.equal(written.code, 0);
      assert.equal(written.stdout, '');
      assert.match(written.stderr, /wrote .*manifest\.xml for https:\/\/addins\.contoso\.test\/st \(send mode PromptUser\)/);
      assert.match(readFileSync(out, 'utf8'), /SendMode="PromptUser"/);
    });

    it("takes the send mode from the policy; --send-mode wins over it", async () => {
      const dir = tempDir('st-manifest-');
      writeFileSync(join(dir, 'p.json'), '{"version":1,"sendMode":"block"}');
      const fromPolicy = await cli(['manifest', '--host', 'https://a.test', '--policy', join(dir, 'p.json')]);
      assert.match(fromPolicy.stdout, /SendMode="Block"/);
      const flag = await cli(['manifest', '--host', 'https://a.test', '--policy', join(dir, 'p.json'), '--send-mode', 'prompt']);
      assert.match(flag.stdout, /SendMode="PromptUser"/);
    });

    const usage: Array<[string[], RegExp]> = [
      [['manifest'], /--host URL is required/],
      [['manifest', '--host', 'http://a.test'], /must use https/],
      [['manifest', '--host', 'addins.contoso.test'], /absolute https URL/],
      [['manifest', '--host', 'https://u:p@a.test'], /user name or password/],
      [['manifest', '--host', 'https://a.test/?x=1'], /query or fragment/],
      [['manifest', '--host', 'https://a.test', '--send-mode', 'loud'], /--send-mode must be prompt, soft-block or block/],
      [['manifest', '--host', 'https://a.test', 'extra'], /unexpected argument 'extra'/],
      [['manifest', '--host', 'https://a.test', '--template', 'missing.xml'], /missing\.xml: cannot read manifest template/],
      [['manifest', '--host', 'https://a.test', '--template', 'clean.txt'], /clean\.txt: the manifest fails its checks: not well-formed XML/],
    ];
    for (const [args, message] of usage) {
      it(`exit 2 with one line: ${args.slice(1).join(' ') || '(no options)'}`, async () => {
        const r = await cli(args);
        assert.equal(r.code, 2);
        assertOneLineError(r.stderr);
        assert.match(r.stderr, message);
      });
    }
  });
});
