import { useState } from 'preact/hooks';
import type { GuardVerdict } from '../../lib/messaging/guard';

// What the draft is about, in the hold: the catalogue products the engine found ("Gaat over: PlanPro"), and a
// way to pick them from the catalogue or say "none of these". A consent is compared by product, so a wrong
// guess holds a send the consent covers; the pick is checked again at once. Props in, one callback out.

type Lang = 'nl' | 'en';

const words = {
  nl: {
    about: 'Gaat over:',
    nothingFound: 'Geen product herkend',
    noneChosen: 'Gaat over geen van je producten',
    yourChoice: '(jouw keuze)',
    change: 'Product kiezen',
    legend: 'Waar gaat dit bericht over?',
    none: 'Geen van deze',
    confirm: 'Opnieuw controleren',
    cancel: 'Laat maar',
  },
  en: {
    about: 'About:',
    nothingFound: 'No product recognised',
    noneChosen: 'About none of your products',
    yourChoice: '(your choice)',
    change: 'Choose product',
    legend: 'What is this message about?',
    none: 'None of these',
    confirm: 'Check again',
    cancel: 'Never mind',
  },
} as const;

export interface ProductChoiceProps {
  verdict: Pick<GuardVerdict, 'products' | 'catalogue' | 'productsChosen'>;
  lang: Lang;
  busy: boolean;
  /** the names picked from the catalogue; an empty list: none of these */
  onChoose(products: string[]): void;
}

/** The line "About: …" with the control to correct it; nothing without a catalogue. */
export function ProductChoice({ verdict, lang, busy, onChoose }: ProductChoiceProps) {
  const t = words[lang];
  const catalogue = verdict.catalogue ?? [];
  const found = (verdict.products ?? []).map((p) => p.name);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>(found.filter((n) => catalogue.includes(n)));
  const [none, setNone] = useState(verdict.productsChosen === true && found.length === 0);
  if (catalogue.length === 0) return null;

  const line =
    found.length > 0 ? `${t.about} ${found.join(', ')}` : verdict.productsChosen ? t.noneChosen : t.nothingFound;
  const toggle = (name: string) => {
    setNone(false);
    setPicked(picked.includes(name) ? picked.filter((n) => n !== name) : [...picked, name]);
  };
  return (
    <section class="products" data-products="">
      <p class="products-line">
        <span data-field="products-found">{line}</span>
        {verdict.productsChosen && <span class="tag"> {t.yourChoice}</span>}{' '}
        {!open && (
          <button type="button" data-action="change-products" disabled={busy} onClick={() => setOpen(true)}>
            {t.change}
          </button>
        )}
      </p>
      {open && (
        <fieldset class="products-pick" style={{ border: 0, padding: 0, margin: '6px 0' }}>
          <legend>{t.legend}</legend>
          {catalogue.map((name) => (
            <label key={name} style={{ display: 'block' }}>
              <input type="checkbox" data-product={name} checked={!none && picked.includes(name)} onChange={() => toggle(name)} /> {name}
            </label>
          ))}
          <label style={{ display: 'block' }}>
            <input
              type="checkbox"
              data-product-none=""
              checked={none}
              onChange={() => {
                setNone(!none);
                setPicked([]);
              }}
            />{' '}
            {t.none}
          </label>
          <div class="line-actions">
            <button
              type="button"
              class="primary"
              data-action="choose-products"
              disabled={busy || (!none && picked.length === 0)}
              onClick={() => {
                setOpen(false);
                onChoose(none ? [] : catalogue.filter((n) => picked.includes(n)));
              }}
            >
              {t.confirm}
            </button>
            <button type="button" data-action="cancel-products" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
