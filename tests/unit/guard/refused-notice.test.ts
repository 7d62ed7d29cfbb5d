// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { showRefusedNotice } from '../../../lib/guard/hold-ui';

describe('a refused record is shown to the rep', () => {
  test('the notice names why, in Dutch, and stays until closed', () => {
    showRefusedNotice(document, 'nl', 'Team policy does not allow sending against the advice.');
    const host = document.querySelector('[data-outreach-guard="refused-record"]')!;
    const box = host.shadowRoot!.querySelector('[role=alert]')!;
    expect(box.textContent).toContain('geweigerd en niet bewaard: Team policy does not allow');
    (host.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    expect(document.querySelector('[data-outreach-guard="refused-record"]')).toBeNull();
  });
});
