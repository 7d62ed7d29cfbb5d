// Phrase families of the message model, Dutch and English. Each family is one feature whose weight the
// training script learns from the corpus (tests/fixtures/messages); the lists say what a family means, the
// weights say how much it counts. Patterns run on lower-cased text without the 'i' flag (see analyze.ts).
// Write groups as (?:…) or plain (…): the compiler turns every plain group into a non-capturing one.

import type { PhraseFamily } from './phrase-family';
import { PITCH_FAMILIES } from './phrases-pitch';
import { SERVICE_FAMILIES } from './phrases-service';

/** Every family, pitch side first: the order is the features' order in weights.json. */
export const PHRASE_FAMILIES: readonly PhraseFamily[] = [...PITCH_FAMILIES, ...SERVICE_FAMILIES];
