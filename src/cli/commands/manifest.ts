/**
 * `second-thought manifest --host URL [--send-mode prompt|soft-block|block] [--policy FILE] [--out FILE]`
 *
 * Writes the add-in manifest for the admin's own hosting: the repository's manifest.xml (the
 * template; never modified) with every URL moved from the template's base (the dev server,
 * https://localhost:3000) to the given https base, AppDomains set to its origin, and the send
 * mode of the OnMessageSend event set. The result is checked before it is written: well-formed
 * XML, the elements Outlook requires, every URL https and under the new base, every resid
 * defined, a known send mode. Nothing is fetched or sent anywhere (the Microsoft validation
 * service is not contacted; see docs/admin.md for the optional online check).
 *
 * Send mode: --send-mode wins; else the policy's sendMode (--policy); else the template's.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../args.js';
import { EXIT, InputError, UsageError, describeFsError } from '../errors.js';
import { sanitize, type Io } from '../io.js';
import { loadPolicy } from '../policy.js';
import type { Command } from './command.js';

export const usage = `Usage: second-thought manifest --host URL [--send-mode prompt|soft-block|block]
                             [--policy FILE] [--template FILE] [--out FILE]

Writes the Outlook add-in manifest for your own hosting: every URL of the bundled
manifest.xml moved to URL (https, e.g. https://addins.example.com/second-thought),
checked before it is written. Host the built add-in (and your policy.json) there.

Options:
  --host URL        https base the built add-in is served from (required)
  --send-mode MODE  what Outlook does when Second Thought warns at send:
                    prompt (user may send anyway), soft-block (default: send blocked
                    until the user acts; sends if the add-in is unavailable),
                    block (send blocked; also when the add-in is unavailable)
  --policy FILE     take the send mode from this policy's "sendMode"
  --template FILE   manifest to start from (default: the bundled manifest.xml)
  --out FILE        write here instead of standard output

Exit: 0 written, 2 usage error, unreadable template or a manifest that fails the checks.`;

const options = {
  host: { type: 'string' },
  'send-mode': { type: 'string' },
  policy: { type: 'string' },
  template: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type SendMode = 'prompt' | 'soft-block' | 'block';
/** The policy's send modes as Outlook's manifest spells them. */
export const SEND_MODES: Record<SendMode, string> = { prompt: 'PromptUser', 'soft-block': 'SoftBlock', block: 'Block' };

const TEMPLATE = fileURLToPath(new URL('../../../manifest.xml', import.meta.url));

export const manifest: Command = {
  name: 'manifest',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('manifest', args, options);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`manifest: unexpected argument '${positionals[0]}'`);
    if (values.host === undefined) throw new UsageError('manifest: --host URL is required (the https address the add-in is served from)');
    const base = parseHost(values.host);
    const cwd = io.cwd ?? process.cwd();

    let sendMode: SendMode | undefined;
    const mode = values['send-mode'];
    if (mode !== undefined) {
      if (!(mode in SEND_MODES)) throw new UsageError(`manifest: --send-mode must be prompt, soft-block or block, got '${mode}'`);
      sendMode = mode as SendMode;
    } else if (values.policy !== undefined) {
      sendMode = (await loadPolicy(values.policy, cwd)).sendMode;
    }

    const templatePath = values.template !== undefined ? resolve(cwd, values.template) : TEMPLATE;
    let template: string;
    try {
      template = await readFile(templatePath, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read manifest template: ${describeFsError(err)}`, values.template ?? 'manifest.xml');
    }

    const { xml, problems } = rewriteManifest(template, base, sendMode);
    if (problems.length > 0) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1, 4).join('; ')})` : '';
      throw new InputError(`the manifest fails its checks: ${problems[0]}${more}`, values.template ?? 'manifest.xml');
    }
    if (values.out !== undefined) {
      try {
        await writeFile(resolve(cwd, values.out), xml, 'utf8');
      } catch (err) {
        throw new InputError(`cannot write: ${describeFsError(err)}`, values.out);
      }
      const summary = checkManifest(xml, base);
      io.stderr.write(
        `second-thought: wrote ${sanitize(values.out)} for ${base.href} (send mode ${summary.sendMode ?? 'unknown'}); host the built add-in and policy.json at ${base.href}/\n`,
      );
    } else {
      io.stdout.write(xml);
    }
    return EXIT.ok;
  },
};

/** The https base (origin plus an optional path, without a trailing slash), or a usage error. */
export function parseHost(text: string): { origin: string; href: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`manifest: --host must be an absolute https URL, got '${text}'`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`manifest: --host must use https (Outlook loads add-ins over https only), got '${text}'`);
  if (url.username || url.password) throw new UsageError('manifest: --host must not contain a user name or password');
  if (url.search || url.hash) throw new UsageError('manifest: --host must not have a query or fragment');
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, href: `${url.origin}${path}` };
}

/**
 * Moves the template's URLs to `base` and sets the send mode. The template's base is read from
 * the task pane URL (`St.Taskpane`), so a template for any host can be rewritten again.
 */
export function rewriteManifest(template: string, base: { origin: string; href: string }, sendMode?: SendMode): { xml: string; problems: string[] } {
  const tree = parseXml(template);
  if (typeof tree === 'string') return { xml: template, problems: [`not well-formed XML: ${tree}`] };
  const taskpane = findAll(tree, 'bt:Url').find((u) => u.attrs.id === 'St.Taskpane')?.attrs.DefaultValue;
  if (!taskpane) return { xml: template, problems: ['no bt:Url with id "St.Taskpane": cannot tell the template\'s base URL'] };
  const oldBase = taskpane.slice(0, taskpane.lastIndexOf('/'));
  const oldOrigin = new URL(oldBase).origin;

  let xml = template;
  // AppDomain entries are origins; every other URL keeps its path below the base.
  xml = replaceAll(xml, `<AppDomain>${oldOrigin}</AppDomain>`, `<AppDomain>${base.origin}</AppDomain>`);
  xml = replaceAll(xml, `${oldBase}/`, `${base.href}/`);
  xml = replaceAll(xml, `"${oldBase}"`, `"${base.href}"`);
  if (sendMode) {
    xml = xml.replace(/(<LaunchEvent\s[^>]{0,300}Type="OnMessageSend"[^>]{0,300}SendMode=")[A-Za-z]{1,20}(")/, `$1${SEND_MODES[sendMode]}$2`);
  }
  // The template's first comment describes the dev server; say what this file is instead.
  const mode = /<LaunchEvent\s[^>]{0,300}Type="OnMessageSend"[^>]{0,300}SendMode="([A-Za-z]{1,20})"/.exec(xml)?.[1] ?? 'unknown';
  const start = xml.indexOf('<!--');
  const end = start >= 0 ? xml.indexOf('-->', start) : -1;
  if (start >= 0 && end > start && start < xml.indexOf('<OfficeApp')) {
    const note = `<!--\n  Second Thought manifest for ${base.href} (written by "second-thought manifest" from the\n  repository's manifest.xml). Send mode on warnings: ${mode}. Host the built add-in and policy.json there.\n-->`;
    xml = xml.slice(0, start) + note + xml.slice(end + 3);
  }
  return { xml, problems: checkManifest(xml, base).problems };
}

function replaceAll(s: string, from: string, to: string): string {
  return from === to ? s : s.split(from).join(to);
}

/** Structural checks of a manifest for `base`. */
export function checkManifest(xml: string, base: { origin: string; href: string }): { problems: string[]; sendMode?: string } {
  const problems: string[] = [];
  const tree = parseXml(xml);
  if (typeof tree === 'string') return { problems: [`not well-formed XML: ${tree}`] };
  if (tree.name !== 'OfficeApp') problems.push(`the root element is <${tree.name}>, expected <OfficeApp>`);
  if (tree.attrs['xsi:type'] !== 'MailApp') problems.push('OfficeApp must have xsi:type="MailApp"');
  const child = (name: string): XmlElement | undefined => tree.children.find((c) => c.name === name);
  for (const name of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'VersionOverrides']) {
    if (!child(name)) problems.push(`missing <${name}>`);
  }
  const id = child('Id')?.text.trim() ?? '';
  if (child('Id') && !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id)) problems.push(`<Id> must be a GUID, found '${id}'`);
  const version = child('Version')?.text.trim() ?? '';
  if (child('Version') && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) problems.push(`<Version> must be n.n.n.n, found '${version}'`);
  const perm = child('Permissions')?.text.trim();
  if (perm && !['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'].includes(perm)) problems.push(`unknown <Permissions> '${perm}'`);

  // Every URL: https, under the base (AppDomains: the origin).
  const urls: Array<[string, string]> = [];
  walk(tree, (e) => {
    if (e.attrs.DefaultValue && /^[a-z]+:\/\//i.test(e.attrs.DefaultValue)) urls.push([e.name, e.attrs.DefaultValue]);
    if (e.name === 'AppDomain') urls.push([e.name, e.text.trim()]);
    if (e.name === 'SourceLocation' && e.attrs.DefaultValue === undefined && !e.attrs.resid) problems.push('a <SourceLocation> has neither DefaultValue nor resid');
  });
  for (const [name, url] of urls) {
    if (!url.startsWith('https://')) problems.push(`<${name}> URL is not https: ${url}`);
    else if (name === 'AppDomain' ? url !== base.origin : !url.startsWith(`${base.href}/`)) problems.push(`<${name}> URL is not under ${base.href}: ${url}`);
  }
  if (!urls.some(([name]) => name === 'AppDomain')) problems.push('no <AppDomain>');

  // Every resid is defined once in Resources.
  const defined = new Map<string, number>();
  const resources = findAll(tree, 'Resources')[0];
  if (!resources) problems.push('missing <Resources> in VersionOverrides');
  else walk(resources, (e) => {
    if (e.attrs.id && e !== resources) defined.set(e.attrs.id, (defined.get(e.attrs.id) ?? 0) + 1);
  });
  for (const [rid, count] of defined) if (count > 1) problems.push(`resource id "${rid}" is defined ${count} times`);
  walk(tree, (e) => {
    if (e.attrs.resid && !defined.has(e.attrs.resid)) problems.push(`<${e.name}> refers to resid "${e.attrs.resid}", which Resources does not define`);
  });

  // The send event and its mode.
  const send = findAll(tree, 'LaunchEvent').find((e) => e.attrs.Type === 'OnMessageSend');
  let sendMode: string | undefined;
  if (!send) problems.push('no <LaunchEvent Type="OnMessageSend">: Second Thought could not check at send');
  else {
    sendMode = send.attrs.SendMode;
    if (!sendMode || !Object.values(SEND_MODES).includes(sendMode)) problems.push(`OnMessageSend SendMode must be one of ${Object.values(SEND_MODES).join(', ')}, found '${sendMode ?? ''}'`);
    if (!send.attrs.FunctionName) problems.push('OnMessageSend has no FunctionName');
  }
  return { problems, sendMode };
}

/* ------------------------------------------------------------------ a small XML reader */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses the element structure of an XML document (comments, declarations and CDATA skipped;
 * entities in attribute values decoded for the five predefined ones). Returns the root element
 * or a string saying what is wrong. Linear: one pass with indexOf.
 */
export function parseXml(xml: string): XmlElement | string {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const line = (at: number): number => xml.slice(0, at).split('\n').length;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim() !== '' && stack.length === 0) return root ? `text after the root element at line ${line(i)}` : 'no XML element found';
      break;
    }
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(xml.slice(i, lt));
    else if (xml.slice(i, lt).trim() !== '') return `text outside the root element at line ${line(i)}`;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return `unclosed comment at line ${line(lt)}`;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return `unclosed declaration at line ${line(lt)}`;
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return `unclosed CDATA at line ${line(lt)}`;
      if (stack.length > 0) stack[stack.length - 1]!.text += xml.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) return `a DOCTYPE or other declaration is not expected in a manifest (line ${line(lt)})`;
    const gt = findTagEnd(xml, lt + 1);
    if (gt < 0) return `unclosed tag at line ${line(lt)}`;
    const inner = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (!open) return `closing tag </${name}> without an opening tag at line ${line(lt)}`;
      if (open.name !== name) return `</${name}> closes <${open.name}> at line ${line(lt)}`;
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const m = /^([A-Za-z_][\w.:-]{0,100})/.exec(body);
    if (!m) return `bad tag name at line ${line(lt)}`;
    const attrs = parseAttrs(body.slice(m[1]!.length));
    if (typeof attrs === 'string') return `${attrs} in <${m[1]}> at line ${line(lt)}`;
    const el: XmlElement = { name: m[1]!, attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
    else if (root) return `a second root element <${el.name}> at line ${line(lt)}`;
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]!.name}> is never closed`;
  return root ?? 'no root element';
}

/** Index of the `>` ending a tag, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let k = from; k < xml.length; k++) {
    const c = xml[k]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
    else if (c === '<') return -1;
  }
  return -1;
}

function parseAttrs(s: string): Record<string, string> | string {
  const attrs: Record<string, string> = {};
  let k = 0;
  while (k < s.length) {
    while (k < s.length && /\s/.test(s[k]!)) k++;
    if (k >= s.length) break;
    const eq = s.indexOf('=', k);
    if (eq < 0) return `attribute without a value`;
    const name = s.slice(k, eq).trim();
    if (!/^[A-Za-z_][\w.:-]{0,100}$/.test(name)) return `bad attribute name '${name}'`;
    let q = eq + 1;
    while (q < s.length && /\s/.test(s[q]!)) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") return `unquoted value of ${name}`;
    const end = s.indexOf(quote, q + 1);
    if (end < 0) return `unclosed value of ${name}`;
    if (name in attrs) return `attribute ${name} given twice`;
    attrs[name] = decode(s.slice(q + 1, end));
    k = end + 1;
  }
  return attrs;
}

function decode(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}

function walk(e: XmlElement, visit: (e: XmlElement) => void): void {
  visit(e);
  for (const c of e.children) walk(c, visit);
}

function findAll(e: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  walk(e, (x) => {
    if (x.name === name) out.push(x);
  });
  return out;
}

export default manifest;
