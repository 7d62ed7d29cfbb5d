import { analyzeMessage, type MessageAnalysis } from './analyze';
import { generateCallOpening, generateDisclosure } from './disclosure';

// Disclosure templates: text with {placeholders} filled from the organisation settings when the guard inserts
// them. The check runs the rules engine's own analysis over the filled-in text, so a template that passes
// here also passes the send check (GD-06/07/08, NL-EM-05).

export type TemplateChannel = 'email' | 'linkedin' | 'call';
export type TemplateLang = 'nl' | 'en';

export const placeholders = ['legalName', 'contact', 'privacyUrl', 'optOut', 'dpo', 'product', 'source', 'callerName'] as const;
export type Placeholder = (typeof placeholders)[number];
export type PlaceholderValues = Record<Placeholder, string>;

/** Fills {name} placeholders; unknown ones stay visible so the user sees the typo. */
export function renderTemplate(text: string, values: Partial<PlaceholderValues>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? (values as Record<string, string>)[name]! : whole));
}

/** The standard §4.4 text with placeholders, built by the engine itself. */
export function standardTemplate(lang: TemplateLang, channel: TemplateChannel = 'email'): string {
  if (channel === 'call') {
    return generateCallOpening({ callerName: '{callerName}', legalName: '{legalName}', purpose: '{product}', source: { kind: 'other', detail: '{source}' }, lang });
  }
  return generateDisclosure(
    { legalName: '{legalName}', contact: '{contact}', privacyUrl: '{privacyUrl}', optOut: { method: 'reply' }, product: '{product}' },
    { kind: 'other', detail: '{source}' },
    lang,
  );
}

export type RequiredItem = 'identity' | 'purpose' | 'source' | 'privacyLink' | 'optOut' | 'art21';

const requiredFor: Record<TemplateChannel, readonly RequiredItem[]> = {
  email: ['identity', 'purpose', 'source', 'privacyLink', 'optOut', 'art21'],
  linkedin: ['identity', 'purpose', 'source', 'privacyLink', 'optOut', 'art21'],
  call: ['identity', 'purpose', 'source', 'art21'],
};

function present(a: MessageAnalysis, item: RequiredItem, channel: TemplateChannel): boolean {
  switch (item) {
    case 'identity':
      return a.identity;
    case 'purpose':
      return a.purpose;
    case 'source':
      return a.source;
    case 'privacyLink':
      return a.privacyLink;
    case 'optOut':
      return a.optOut;
    case 'art21':
      // In writing the objection right must stand on its own (Art. 21(4)); said aloud, mentioning it is enough.
      return channel === 'call' ? a.art21Mentioned : a.art21Separate;
  }
}

/** Every required item of the first-contact notice, and whether the filled-in template has it. */
export function checkTemplate(filled: string, channel: TemplateChannel, legalEntity: string): Array<{ item: RequiredItem; ok: boolean }> {
  const analysis = analyzeMessage(filled, undefined, legalEntity ? { legalEntity } : {});
  return requiredFor[channel].map((item) => ({ item, ok: present(analysis, item, channel) }));
}
