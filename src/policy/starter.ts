/**
 * The starting policy `second-thought policy init` writes. JSON has no comments, so it explains
 * itself in "$comment" fields (allowed on every object, ignored by the loader). It must pass
 * `policy validate` without a warning (test/policy/starter.test.ts).
 */
import { POLICY_VERSION } from './schema.js';

export function starterPolicy(): string {
  const doc = {
    $schema: './policy.schema.json',
    $comment: [
      'Second Thought organization policy. Serve it as policy.json beside the add-in files.',
      'Check it with: second-thought policy validate policy.json',
      'Dry-run it on exported mail with: second-thought scan --policy policy.json --report report.html MAIL/',
      'Anything left out comes from the built-in default (medium and high severity warn, low informs, nothing blocks).',
      '"$comment" fields like this one are allowed in every object (except directly in "rules", whose keys are rule ids) and ignored.',
    ],
    version: POLICY_VERSION,
    severityActions: {
      $comment: 'Action per severity when no category or rule says otherwise: off | inform | warn | block.',
      low: 'inform',
      medium: 'warn',
      high: 'warn',
    },
    categories: {
      $comment: 'Per category: action, and minSeverity (findings below it are dropped). Categories: pii secret insult identity profanity threat legal confidential tone context.',
      pii: { action: 'warn' },
      secret: { action: 'block', $comment: 'A credential in mail must be rotated anyway; blocking saves the rotation.' },
      tone: { minSeverity: 'medium' },
    },
    rules: {
      'context/late-night': { action: 'inform', $comment: 'Per rule by full id (category/rule); wins over the category setting.' },
    },
    terms: [
      {
        $comment: "Your own words: client names, codenames. Patterns use the lexicon syntax: a|b alternatives, (optional), stem*, <name>, ...N gaps.",
        id: 'project-codename',
        patterns: ['project bluebird|kestrel'],
        category: 'confidential',
        severity: 'high',
        message: 'This is the codename of an unannounced project.',
        suggestion: 'Leave the codename out of mail that leaves the company.',
        externalOnly: true,
      },
      {
        $comment: 'A codename that is also an ordinary word: needs makes it count only with one of these phrases within 240 characters, in the same paragraph; excusedBy phrases before it take it away.',
        id: 'falcon',
        patterns: ['falcon'],
        category: 'confidential',
        severity: 'medium',
        message: 'Falcon is the codename of the pending acquisition.',
        needs: ['deal|acquisition|bid|signing|announcement'],
        excusedBy: ['bird|birds|nest|hawk'],
      },
    ],
    internalDomains: ['example.com'],
    allow: ['killer app'],
    quietHours: { $comment: 'Sends inside these hours get a context/late-night finding. Set to null to turn off.', start: '22:00', end: '06:00', timeZone: 'America/New_York' },
    maxRecipients: 50,
    onError: 'send',
    sendMode: 'soft-block',
    maxDraftChars: 1000000,
    locks: ['categories.secret', 'categories.pii'],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
