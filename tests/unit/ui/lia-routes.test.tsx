// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { emptyLia, LiaForm, validateLiaStep, type LiaDraft } from '../../../components/assessments/LiaForm';
import { parseRoute, sectionOf } from '../../../entrypoints/options/app/routes';
import { button, click, errorOf, field, mount, submit, type } from './render';

const today = new Date('2026-11-29T12:00:00');

const complete: LiaDraft = {
  ...emptyLia,
  title: 'Facility managers NL',
  interest: 'Acquiring B2B customers for our planning software among facility managers of companies with more than 50 staff.',
  interestLawful: true,
  interestPresent: true,
  necessity: 'Name, role and business e-mail only; a role address does not reach the decision maker.',
  reasonableExpectations: 'Facility managers expect offers for facility software in their professional capacity.',
  balancing: 'Low impact: one message, business data only, opt-out honoured at once.',
  reviewDate: '2027-06-01',
  decidedBy: 'Sanne de Vries',
};

describe('legitimate-interest assessment', () => {
  test.each([0, 1, 2, 3] as const)('a complete assessment passes step %i', (step) => {
    expect(validateLiaStep(step, complete, today)).toEqual({});
  });

  test.each([
    [0, { interest: 'Sales' }, 'interest', 'errTooVague'],
    [0, { interestLawful: false }, 'interestLawful', 'errMustConfirm'],
    [1, { necessity: ' ' }, 'necessity', 'errRequired'],
    [2, { optOutOffered: false }, 'optOutOffered', 'errOptOutRequired'],
    [2, { retentionMonths: '0' }, 'retentionMonths', 'errNumber'],
    [3, { reviewDate: '' }, 'reviewDate', 'errRequired'],
  ] as const)('step %i refuses %o (%s)', (step, change, fieldName, code) => {
    expect(validateLiaStep(step, { ...complete, ...change } as LiaDraft, today)).toMatchObject({ [fieldName]: code });
  });

  test('the form walks the three EDPB steps and will not skip an empty one', () => {
    const onSave = vi.fn();
    const { container, unmount } = mount(<LiaForm initial={emptyLia} today={today} onSave={onSave} onCancel={() => {}} />);
    // The list numbers its steps (CSS counter); the text carries no number of its own, so it is never "1. 1.".
    expect(container.querySelector('[aria-current=step]')?.textContent).toBe('The interest');
    expect(container.querySelector('legend')?.textContent).toBe('Step 1 of 4: The interest');
    submit(container.querySelector('form'));
    expect(errorOf(field(container, 'Title'))).toBe('This field is required.');
    expect(container.querySelector('[aria-current=step]')?.textContent).toBe('The interest');
    type(field(container, 'Title'), complete.title);
    type(field(container, 'The legitimate interest'), complete.interest);
    click(field(container, 'The interest is lawful'));
    click(field(container, 'The interest is real and present, not speculative'));
    click(button(container, 'Next'));
    expect(container.querySelector('[aria-current=step]')?.textContent).toBe('Necessity');
    type(field(container, 'Why the processing is necessary'), complete.necessity);
    click(button(container, 'Next'));
    type(field(container, 'Reasonable expectations'), complete.reasonableExpectations);
    type(field(container, 'Balancing: impact and nature of the data'), complete.balancing);
    click(button(container, 'Next'));
    expect(container.querySelector('[aria-current=step]')?.textContent).toBe('Conclusion');
    // The summary shows what will be saved, so it can be read before deciding.
    expect(container.textContent).toContain(complete.necessity);
    type(field(container, 'Decided by'), complete.decidedBy);
    type(field(container, 'Review date'), complete.reviewDate);
    click(button(container, 'Save assessment'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toMatchObject({ title: complete.title, optOutOffered: true, retentionMonths: '12', decidedBy: 'Sanne de Vries' });
    unmount();
  });
});

describe('options routes', () => {
  test.each([
    ['', { name: 'contacts' }],
    ['#/contacts', { name: 'contacts' }],
    ['#/contacts/new', { name: 'contact-new' }],
    ['#/contacts/c%2F1', { name: 'contact', id: 'c/1' }],
    ['#/contacts/c1/edit', { name: 'contact-edit', id: 'c1' }],
    ['#/assessments/new', { name: 'assessment-new' }],
    ['#/assessments/a1', { name: 'assessment', id: 'a1' }],
    ['#/rights/c1', { name: 'rights', id: 'c1' }],
    ['#/audit', { name: 'audit' }],
    ['#/nonsense', { name: 'contacts' }],
  ])('%s → %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  test('detail screens highlight their section in the navigation', () => {
    expect(sectionOf({ name: 'contact-edit', id: 'x' })).toBe('contacts');
    expect(sectionOf({ name: 'assessment', id: 'x' })).toBe('assessments');
  });
});
