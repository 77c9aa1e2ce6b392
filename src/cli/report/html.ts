/**
 * The scan report: one self-contained HTML file. Inline CSS and inline SVG charts; no script,
 * no external resource (fonts, images, styles), and a Content-Security-Policy that forbids
 * them, so it opens the same offline, from a mail attachment or a file share. Every piece of
 * text from mail is escaped, and excerpts are redacted before they get here (redact.ts).
 */
import { CATEGORIES, type Verdict } from '../../classifier/types.js';
import type { ExcerptPart } from './redact.js';
import type { ProblemKind, ScanSummary } from './summary.js';

export interface ReportOptions {
  /** The paths that were scanned, as given. */
  paths: string[];
  /** The policy file, or undefined for the built-in default. */
  policy?: string;
  generatedAt?: Date;
  /** Problems listed in the report (the counts are always complete). */
  maxProblemsShown?: number;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const VERDICT_COLORS: Record<Verdict, string> = { pass: '#8a9aa9', inform: '#3b82c4', warn: '#d08a00', block: '#c0392b' };
const PROBLEM_LABELS: Record<ProblemKind, string> = {
  malformed: 'malformed messages (skipped)',
  unreadable: 'unreadable files or folders',
  loop: 'directory loops (not followed)',
  skipped: 'files skipped (not .eml or .mbox)',
};

export function escapeHtml(s: string): string {
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&#39;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** A horizontal bar chart as inline SVG. Rows: label, value, color. */
export function barChart(title: string, rows: Array<{ label: string; value: number; color: string }>, id: string): string {
  const labelWidth = 130;
  const barWidth = 360;
  const row = 26;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * row + 8;
  const bars = rows
    .map((r, i) => {
      const y = 4 + i * row;
      const w = r.value === 0 ? 0 : Math.max(2, Math.round((r.value / max) * barWidth));
      return (
        `<g data-label="${escapeHtml(r.label)}" data-value="${r.value}">` +
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(r.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" rx="3" fill="${r.color}"><title>${escapeHtml(r.label)}: ${n(r.value)}</title></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + 16}">${n(r.value)}</text></g>`
      );
    })
    .join('');
  return (
    `<svg id="${id}" class="chart" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" ` +
    `viewBox="0 0 ${labelWidth + barWidth + 70} ${height}" width="${labelWidth + barWidth + 70}" height="${height}">` +
    `<title>${escapeHtml(title)}</title>${bars}</svg>`
  );
}

function excerptHtml(parts: ExcerptPart[]): string {
  return parts
    .map((p) => (p.kind === 'match' ? `<mark>${escapeHtml(p.text)}</mark>` : p.kind === 'masked' ? `<span class="masked">${escapeHtml(p.text)}</span>` : escapeHtml(p.text)))
    .join('');
}

export function renderReport(summary: ScanSummary, options: ReportOptions): string {
  const at = (options.generatedAt ?? new Date()).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const verdicts = (['pass', 'inform', 'warn', 'block'] as const).map((v) => ({ label: v, value: summary.verdicts[v], color: VERDICT_COLORS[v] }));
  const categories = summary.categoryRows();
  const rules = summary.sortedRules();
  const problems = summary.problems.slice(0, options.maxProblemsShown ?? 200);
  const problemTotal = Object.values(summary.problemCounts).reduce((a, b) => a + b, 0);

  const verdictCards = verdicts
    .map((v) => `<div class="card ${v.label}"><div class="num" data-verdict="${v.label}">${n(v.value)}</div><div>${v.label}</div></div>`)
    .join('');

  const categoryRows = categories
    .map(([c, s]) => `<tr data-category="${c}"><td>${c}</td><td class="r" data-field="messages">${n(s.messages)}</td><td class="r" data-field="findings">${n(s.findings)}</td></tr>`)
    .join('');

  const ruleRows = rules.length
    ? rules
        .map(
          ([id, r]) =>
            `<tr data-rule="${escapeHtml(id)}"><td><a href="#rule-${escapeHtml(id.replace('/', '-'))}">${escapeHtml(id)}</a></td>` +
            `<td class="r" data-field="block">${n(r.messages.block)}</td><td class="r" data-field="warn">${n(r.messages.warn)}</td>` +
            `<td class="r" data-field="inform">${n(r.messages.inform)}</td><td class="r" data-field="findings">${n(r.findings)}</td></tr>`,
        )
        .join('')
    : '<tr><td colspan="5">No findings.</td></tr>';

  const excerpts = rules
    .map(
      ([id, r]) =>
        `<section class="rule" id="rule-${escapeHtml(id.replace('/', '-'))}"><h3>${escapeHtml(id)} <small>${n(r.findings)} finding${r.findings === 1 ? '' : 's'}</small></h3><ul>` +
        r.excerpts
          .map((e) => `<li><span class="tag ${e.action}">${e.action}</span> <code>${escapeHtml(e.source)}</code> <span class="field">${escapeHtml(e.field)}</span><br><q>${excerptHtml(e.parts)}</q></li>`)
          .join('') +
        `</ul></section>`,
    )
    .join('');

  const problemCounts = (Object.keys(PROBLEM_LABELS) as ProblemKind[])
    .filter((k) => summary.problemCounts[k] > 0)
    .map((k) => `<li data-problem="${k}"><b>${n(summary.problemCounts[k])}</b> ${PROBLEM_LABELS[k]}</li>`)
    .join('');
  const problemList = problems.map((p) => `<li><code>${escapeHtml(p.source)}</code>: ${escapeHtml(p.message)}</li>`).join('');

  const notices = [...summary.notices].map(([text, count]) => `<li>${n(count)} × ${escapeHtml(text)}</li>`).join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Second Thought dry run: ${n(summary.messages)} messages</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1d2733;background:#fff}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{margin-top:2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}
.meta{color:#5b6b7b}.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #dde3ea;border-radius:8px;padding:.6rem 1rem;min-width:7rem}.card .num{font-size:1.6rem;font-weight:600}
.card.warn .num{color:#a86f00}.card.block .num{color:#c0392b}.card.inform .num{color:#2c6ea3}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .6rem;border-bottom:1px solid #eef1f4;text-align:left}td.r,th.r{text-align:right}
.chart text{font:12px system-ui,sans-serif;fill:#1d2733}.charts{display:flex;flex-wrap:wrap;gap:2rem}
mark{background:#ffe58a;padding:0 .1em}.masked{background:#1d2733;color:#fff;border-radius:3px;padding:0 .3em;font-size:.85em}
.tag{font-size:.75rem;text-transform:uppercase;border-radius:3px;padding:0 .35em;color:#fff;background:#8a9aa9}.tag.warn{background:#d08a00}.tag.block{background:#c0392b}.tag.inform{background:#3b82c4}
.rule ul{padding-left:1.2rem}.rule li{margin:.4rem 0}.field{color:#5b6b7b;font-size:.85em}q{quotes:none}
figure{margin:0}figcaption{font-weight:600;margin:.5rem 0}
.note{background:#f5f7f9;border-left:4px solid #3b82c4;padding:.5rem .8rem}
</style>
</head>
<body>
<h1>Second Thought dry run</h1>
<p class="meta">Generated ${escapeHtml(at)} · policy: <code>${escapeHtml(options.policy ?? 'built-in default')}</code> · scanned: ${options.paths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}</p>
<p class="meta"><span id="messages" data-count="${summary.messages}">${n(summary.messages)}</span> messages in ${n(summary.files)} files · ${summary.seconds.toFixed(1)} s · ${n(summary.messagesPerSecond)} messages/s</p>
<div class="cards">${verdictCards}</div>
<p class="note">What would have happened at send under this policy: <b>block</b> messages could not have been sent unchanged, <b>warn</b> messages would have asked "send anyway?", <b>inform</b> findings are shown in the pane only. Excerpts are redacted: personal data and secrets are replaced by their rule id, digits by #, addresses by [address].</p>
<h2>Charts</h2>
<div class="charts">
<figure><figcaption>Messages by verdict</figcaption>${barChart('Messages by verdict', verdicts, 'chart-verdicts')}</figure>
<figure><figcaption>Findings by category</figcaption>${barChart('Findings by category', categories.map(([c, s]) => ({ label: c, value: s.findings, color: '#3b82c4' })), 'chart-categories')}</figure>
</div>
<h2>By category</h2>
<table id="categories"><thead><tr><th>category</th><th class="r">messages</th><th class="r">findings</th></tr></thead><tbody>${categoryRows}</tbody></table>
<h2>By rule</h2>
<p class="meta">Messages counted once per rule, under the strongest action that rule took in them.</p>
<table id="rules"><thead><tr><th>rule</th><th class="r">blocked</th><th class="r">warned</th><th class="r">informed</th><th class="r">findings</th></tr></thead><tbody>${ruleRows}</tbody></table>
${problemTotal ? `<h2>Not checked</h2><ul id="problems">${problemCounts}</ul><details><summary>Details (${n(problems.length)} of ${n(problemTotal)})</summary><ul>${problemList}</ul></details>` : ''}
${notices ? `<h2>Notices</h2><ul>${notices}</ul>` : ''}
<h2>Examples (redacted)</h2>
${excerpts || '<p>No findings.</p>'}
<p class="meta">Categories: ${CATEGORIES.join(', ')}. Second Thought reads mail on this machine only; this report was written locally and contains no mail text other than the redacted excerpts above.</p>
</body>
</html>
`;
}
