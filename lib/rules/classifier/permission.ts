// Asking permission to send marketing is itself an unsolicited commercial message (NL-EM-07). Shared by the
// analysis (the asksPermission flag) and the message model (a feature), so both read it the same way.
export const ASK_PERMISSION_NL = [
  'mag ik (u|je|jou) (af en toe |voortaan |soms |vaker )?(informatie|berichten|updates|nieuws|onze nieuwsbrief|een nieuwsbrief|aanbiedingen|meer informatie)',
  'mag ik (u|je|jou) (af en toe |voortaan )?(mailen|e-?mailen|berichten|benaderen)',
  'mogen (wij|we) (u|je|jou) (af en toe |voortaan )?(informatie|berichten|updates|mailen|e-?mailen|benaderen|op de hoogte)',
  'mag ik (u|je|jou) op de hoogte houden',
  'vind(t|en)? (u|je) het goed als (ik|wij|we) (u|je|jou) (mail|e-?mail|bericht|informatie)',
  'wilt (u|je) (onze|de) nieuwsbrief ontvangen',
  'toestemming om (u|je|jou) te (mailen|e-?mailen|benaderen|berichten)',
] as const;
export const ASK_PERMISSION_EN = [
  '(may|can|could) (i|we) (send|email|e-mail|message) you (some |more |occasional |our )?(info|information|updates|news|offers|newsletter)',
  '(may|can|could) (i|we) (occasionally )?(email|e-mail|contact) you (about|with|from time to time)',
  '(would you like|do you want) to (receive|subscribe|join our mailing list|be added to)',
  '(do you mind|would you mind) if (i|we) (send|email|e-mail|add you|keep you)',
  'permission to (email|e-mail|contact|message|send)',
  '(may|can|could) (i|we) keep you (posted|updated|informed)',
] as const;

export const ASK_PERMISSION_RE = new RegExp([...ASK_PERMISSION_NL, ...ASK_PERMISSION_EN].map((p) => `(?:${p})`).join('|'));
