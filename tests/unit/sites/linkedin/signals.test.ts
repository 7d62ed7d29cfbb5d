// @vitest-environment jsdom
import { degreeOf, mentionsDeclinedInMail, namesInTitle, openToOf } from '@/lib/sites/linkedin/recipients';
import { readTopCard } from '@/lib/sites/linkedin/profile';
import { editorText } from '@/lib/sites/linkedin/dom';
import { loadFixture } from './fixtures';

// The small readers behind recipients and signals: what LinkedIn's texts mean.

test.each([
  ['· 1st', 1],
  ['·\u00a02nd', 2],
  ['· 3rd+', 3],
  ['1st degree connection', 1],
  ['Second-degree connection', 2],
  ['Third-degree connection', 3],
  ['· 2e', 2],
])('degreeOf(%j) = %i', (text, degree) => {
  expect(degreeOf(text)).toBe(degree);
});

test.each(['500+ connections', 'Head of 1st line support', ''])('degreeOf(%j) is undefined', (text) => {
  expect(degreeOf(text)).toBeUndefined();
});

test('openToOf recognises the Open-to-work frame and hiring, not ordinary words', () => {
  expect(openToOf('Lee Okafor, #OPEN_TO_WORK')).toEqual(['work']);
  expect(openToOf('#Hiring a buyer')).toEqual(['hiring']);
  expect(openToOf('Works in procurement; open to new ideas')).toEqual([]);
});

test('declined-InMail notices in English and Dutch; ordinary sentences do not count', () => {
  expect(mentionsDeclinedInMail('Dana Whitfield declined your InMail')).toBe(true);
  expect(mentionsDeclinedInMail('Dana heeft je InMail afgewezen')).toBe(true);
  expect(mentionsDeclinedInMail('Dana accepted your InMail')).toBe(false);
});

test.each([
  ['Dana Whitfield, Lee Okafor and 18 others', ['Dana Whitfield', 'Lee Okafor'], 18],
  ['Dana Whitfield, Lee Okafor, Ana Costa', ['Dana Whitfield', 'Lee Okafor', 'Ana Costa'], 0],
  ['Dana Whitfield and Lee Okafor', ['Dana Whitfield', 'Lee Okafor'], 0],
  ['Dana Whitfield, Lee Okafor en 3 anderen', ['Dana Whitfield', 'Lee Okafor'], 3],
])('namesInTitle(%j)', (title, names, others) => {
  expect(namesInTitle(title)).toEqual({ names, others });
});

test('readTopCard: Open-to-work from the photo frame, visible degree only', () => {
  const card = readTopCard(loadFixture('profile.html').document)!;
  expect(card.openTo).toEqual(['work']);
  expect(card.degree).toBe(1);
});

test('editorText: <p> per line, <br> inside a line, empty editor = ""', () => {
  const div = document.createElement('div');
  div.innerHTML = '<p><br></p>';
  expect(editorText(div)).toBe('');
  div.innerHTML = '<p>Hi&nbsp;Dana,</p><p><br></p><p>line<br>two</p>';
  expect(editorText(div)).toBe('Hi Dana,\n\nline\ntwo');
});
