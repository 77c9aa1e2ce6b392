/**
 * Capitalized words that are not names: sentence starters, pronouns, greetings, days and
 * months. `<name>` in a pattern matches a capitalized token that is not one of these.
 */
export const NAME_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'i a an the this that these those there here it its we our us you your yours he him his she her hers they them their ' +
    'my me mine who what when where why how which if so and but or nor yet also just as at on in for to of from with by ' +
    'about after before because since while until unless though although hi hello hey dear thanks thank please regards best ' +
    'cheers sincerely yes no not ok okay well oh sorry fyi re fw fwd subject note notes minutes agenda summary reminder update team all everyone everybody ' +
    'someone somebody nobody none any some every each both either neither one two three let lets can could would should will ' +
    'shall may might must do does did is are was were be been being have has had get got make made go going sure great good ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december today tomorrow yesterday tonight morning afternoon evening ' +
    'mr mrs ms dr prof sir madam god'
  ).split(' '),
);
