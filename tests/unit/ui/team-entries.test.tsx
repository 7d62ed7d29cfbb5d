// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { TeamEntriesTable, type TeamEntryView } from '../../../components/dnc/TeamEntriesTable';
import { maskedLabel } from '../../../components/dnc/mask';
import { mount } from './render';

const synced: TeamEntryView = {
  id: 'a'.repeat(64),
  ids: ['a'.repeat(64)],
  keyKinds: ['domain'],
  label: 'concurrent.nl',
  reason: 'Klant van partner',
  scope: 'all',
  level: 'company',
  recordedBy: 'rep-sanne',
  recordedAt: '2026-02-01T10:00:00.000Z',
  synced: true,
};
const pending: TeamEntryView = {
  id: 'b'.repeat(64),
  ids: ['b'.repeat(64), 'c'.repeat(64)],
  keyKinds: ['email', 'li-vanity'],
  reason: 'Bezwaar per telefoon',
  scope: 'email',
  level: 'person',
  recordedBy: 'lead-lisa',
  recordedAt: '2026-03-01T09:00:00.000Z',
  synced: false,
};

describe('the team list on the do-not-contact page', () => {
  test('shows who recorded each entry and when, its scope and level, and which are not yet on the server', () => {
    const ui = mount(<TeamEntriesTable items={[pending, synced]} canRetract={false} onRetract={() => undefined} />);
    const rows = [...ui.container.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(2);
    // No label: the kinds of identifier it covers, never the identifier itself.
    expect(rows[0]).toContain('E-mail address, LinkedIn profile');
    expect(rows[0]).toContain('not yet on the server');
    expect(rows[0]).toContain('by lead-lisa');
    expect(rows[0]).toContain('E-mail only');
    expect(rows[1]).toContain('concurrent.nl');
    expect(rows[1]).toContain('Company');
    expect(rows[1]).toContain('by rep-sanne, 1 Feb 2026');
    expect(rows[1]).not.toContain('not yet on the server');
    ui.unmount();
  });

  test('a rep gets no Retract button; the lead gets one per entry, named after the entry', () => {
    const rep = mount(<TeamEntriesTable items={[pending, synced]} canRetract={false} onRetract={() => undefined} />);
    expect(rep.container.querySelectorAll('button')).toHaveLength(0);
    rep.unmount();

    const onRetract = vi.fn();
    const lead = mount(<TeamEntriesTable items={[pending, synced]} canRetract onRetract={onRetract} />);
    const buttons = [...lead.container.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Retract E-mail address, LinkedIn profile from the team list',
      'Retract concurrent.nl from the team list',
    ]);
    act(() => buttons[1]!.click());
    expect(onRetract).toHaveBeenCalledWith(synced);
    lead.unmount();
  });

  test('in Dutch', () => {
    const ui = mount(<TeamEntriesTable items={[pending]} canRetract onRetract={() => undefined} />, 'nl');
    expect(ui.container.textContent).toContain('nog niet op de server');
    expect(ui.container.querySelector('button')?.textContent).toBe('Intrekken');
    ui.unmount();
  });
});

describe('the display label shared with the team', () => {
  test.each([
    [{ by: 'email', value: ' jan.jansen@acme.nl ' }, 'j•••@acme.nl'],
    [{ by: 'phone', value: '+31 6 1234 5678' }, '••• 678'],
    [{ by: 'linkedin', value: 'https://www.linkedin.com/in/jan-jansen-acme/' }, 'LinkedIn jan•••'],
    [{ by: 'domain', value: 'concurrent.nl' }, 'concurrent.nl'],
    [{ by: 'company', value: 'Concurrent BV' }, 'Concurrent BV'],
  ] as const)('%o → %s', (entry, label) => {
    expect(maskedLabel(entry)).toBe(label);
  });
});
