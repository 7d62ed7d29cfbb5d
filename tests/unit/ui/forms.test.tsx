// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { dateCheck, emailCheck, fileSizeCheck, linkedInCheck, phoneCheck } from '../../../components/forms/validate';
import { ContactForm, emptyContact, toContactInput, validateContact } from '../../../components/contacts/ContactForm';
import { emptyBasis, toBasisInput, validateBasis } from '../../../components/contacts/BasisFields';
import { FileForm, NoteForm } from '../../../components/contacts/EvidenceForms';
import { validateDnc } from '../../../components/dnc/DncForm';
import { contactInputSchema, basisInputSchema } from '../../../lib/messaging/management-contacts';
import { button, change, errorOf, field, mount, submit, type } from './render';

const today = new Date('2026-11-29T12:00:00');

describe('field checks', () => {
  test.each([
    ['jan@acme.nl', null],
    ['Jan.Jansen@Bücher.de', null],
    ['jan@', 'errEmail'],
    ['jan acme.nl', 'errEmail'],
    ['', null],
  ])('e-mail %s → %s', (v, expected) => expect(emailCheck(v)).toBe(expected));

  test.each([
    ['06 12345678', null],
    ['+31 20 123 4567', null],
    ['12', 'errPhone'],
    ['call me', 'errPhone'],
  ])('phone %s → %s', (v, expected) => expect(phoneCheck(v)).toBe(expected));

  test.each([
    ['https://www.linkedin.com/in/jan-jansen/', null],
    ['https://www.linkedin.com/company/acme/', 'errLinkedIn'],
    ['https://example.com/in/jan', 'errLinkedIn'],
  ])('LinkedIn %s → %s', (v, expected) => expect(linkedInCheck(v)).toBe(expected));

  test.each([
    ['2026-11-29', {}, null],
    ['2026-11-30', {}, 'errFutureDate'],
    ['2026-11-30', { allowFuture: true }, null],
    ['29-11-2026', {}, 'errDate'],
  ])('date %s %o → %s', (v, opts, expected) => {
    expect(dateCheck(v, today, opts)).toBe(expected);
  });

  test('a 200 MB file is refused, a 1 MB file is not', () => {
    expect(fileSizeCheck(200 * 1024 * 1024)).toBe('errFileTooLarge');
    expect(fileSizeCheck(1024 * 1024)).toBeNull();
  });
});

describe('contact form', () => {
  test('an empty name, a bad e-mail and a future date are shown inline and nothing is saved', () => {
    const onSave = vi.fn();
    const { container, unmount } = mount(<ContactForm initial={emptyContact} isNew today={today} assessments={[]} onSave={onSave} onCancel={() => {}} />);
    type(field(container, 'E-mail addresses'), 'jan@acme.nl, piet@');
    change(field(container, 'Source'), 'company_website');
    type(field(container, 'Obtained on'), '2027-01-01');
    submit(container.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(errorOf(field(container, 'Name'))).toBe('This field is required.');
    expect(errorOf(field(container, 'E-mail addresses'))).toBe('Not a valid e-mail address: piet@');
    expect(errorOf(field(container, 'Obtained on'))).toBe('This date is in the future.');
    expect(field(container, 'Name').getAttribute('aria-invalid')).toBe('true');
    unmount();
  });

  test('a new contact needs its source; a valid one is sent in the protocol shape', () => {
    const onSave = vi.fn();
    const { container, unmount } = mount(<ContactForm initial={emptyContact} isNew today={today} assessments={[]} onSave={onSave} onCancel={() => {}} />);
    type(field(container, 'Name'), 'Jan Jansen');
    submit(container.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(errorOf(field(container, 'Source'))).toBe('This field is required.');
    change(field(container, 'Source'), 'linkedin_manual');
    type(field(container, 'Obtained on'), '2026-11-01');
    type(field(container, 'E-mail addresses'), 'jan@acme.nl');
    type(field(container, 'Phone numbers'), '06 12345678');
    submit(container.querySelector('form'));
    expect(onSave).toHaveBeenCalledTimes(1);
    const [values, basis] = onSave.mock.calls[0]!;
    const input = toContactInput(values, basis, undefined);
    const parsed = contactInputSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(input).toMatchObject({ name: 'Jan Jansen', emails: ['jan@acme.nl'], phones: ['06 12345678'], provenance: { source: 'linkedin_manual', obtainedAt: '2026-11-01' } });
    expect(input).not.toHaveProperty('basis');
    unmount();
  });

  test('a consent basis without who and captured-by is refused inline', () => {
    const onSave = vi.fn();
    const { container, unmount } = mount(<ContactForm initial={emptyContact} isNew today={today} assessments={[]} onSave={onSave} onCancel={() => {}} />);
    change(field(container, 'Source'), 'data_subject');
    type(field(container, 'Obtained on'), '2026-11-01');
    change(field(container, 'Basis'), 'consent');
    type(field(container, 'Name'), 'Jan Jansen');
    type(field(container, 'Who gave consent'), '');
    submit(container.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(errorOf(field(container, 'Who gave consent'))).toBe('This field is required.');
    expect(errorOf(field(container, 'Recorded by'))).toBe('This field is required.');
    unmount();
  });

  test('validateContact: editing needs no source; KvK and country are checked', () => {
    expect(validateContact({ ...emptyContact, name: 'A' }, today, false)).toEqual({});
    expect(validateContact({ ...emptyContact, name: 'A', kvk: '123', country: 'Nederland' }, today, false)).toEqual({ kvk: 'errKvk', country: 'errCountry' });
  });
});

describe('basis records', () => {
  test.each([
    ['consent', { consentWho: 'Jan', consentWhen: '2026-10-01', consentEntity: 'Acme B.V.', consentCapturedBy: 'Sanne', consentChannels: ['email', 'phone'] }],
    ['customer', { customerEntity: 'Acme B.V.', saleDate: '2025-01-01', informedAtCollection: true, optOutOfferedAtCollection: true }],
    ['legitimate_interest', { assessmentId: 'lia-1' }],
    ['contract_request', { requestRef: 'Q-12', requestDate: '2026-11-01' }],
    ['none', {}],
  ] as const)('a valid %s form becomes a basis the protocol accepts', (basisType, fields) => {
    const values = { ...emptyBasis, basisType, ...fields } as typeof emptyBasis;
    expect(validateBasis(values, today)).toEqual({});
    const input = toBasisInput(values);
    expect(basisInputSchema.safeParse(input).success).toBe(true);
  });

  test('a customer relationship that ends before the sale is refused', () => {
    const v = { ...emptyBasis, basisType: 'customer' as const, customerEntity: 'Acme', saleDate: '2026-01-01', endDate: '2025-01-01' };
    expect(validateBasis(v, today)).toEqual({ endDate: 'errEndBeforeStart' });
  });
});

describe('evidence', () => {
  test('a 200 MB attachment gets an inline message at once and is never handed on', async () => {
    const onSave = vi.fn(async () => true);
    const { container, unmount } = mount(<FileForm today={today} onSave={onSave} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const big = new File(['x'], 'recording.mp3', { type: 'audio/mpeg' });
    Object.defineProperty(big, 'size', { value: 200 * 1024 * 1024 });
    Object.defineProperty(input, 'files', { value: [big] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
    submit(container.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector('.error')?.textContent).toBe('The file is 200 MB; the limit is 25 MB. Nothing was saved.');
    unmount();
  });

  test('a note dated in the future, or empty, is refused; a good one is sent', () => {
    const onSave = vi.fn(async () => true);
    const { container, unmount } = mount(<NoteForm today={today} onSave={onSave} />);
    type(field(container, 'Date'), '2026-12-24');
    submit(container.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(errorOf(field(container, 'Date'))).toBe('This date is in the future.');
    expect(errorOf(field(container, 'Note'))).toBe('This field is required.');
    type(field(container, 'Date'), '2026-11-28');
    type(field(container, 'Note'), 'Consent given by phone, recording attached.');
    button(container, 'Add a dated note').click();
    expect(onSave).toHaveBeenCalledWith({ date: '2026-11-28', title: '', text: 'Consent given by phone, recording attached.' });
    unmount();
  });
});

describe('do-not-contact entries', () => {
  test.each([
    [{ by: 'email', value: 'jan@acme.nl' }, {}],
    [{ by: 'email', value: 'jan' }, { value: 'errEmail' }],
    [{ by: 'phone', value: '+31612345678' }, {}],
    [{ by: 'domain', value: 'acme' }, { value: 'errDomain' }],
    [{ by: 'company', value: 'Acme B.V.' }, {}],
    [{ by: 'linkedin', value: '' }, { value: 'errRequired' }],
  ] as const)('%o → %o', (entry, errors) => {
    expect(validateDnc({ scope: 'all', reason: '', shareWithTeam: false, ...entry })).toEqual(errors);
  });

  test('sharing with the team needs a reason (the team sees why)', () => {
    expect(validateDnc({ by: 'email', value: 'jan@acme.nl', scope: 'all', reason: '', shareWithTeam: true })).toEqual({ reason: 'errRequired' });
  });
});
