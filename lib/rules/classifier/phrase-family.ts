// One feature of the message model: a family of phrases whose weight the training script learns.

export interface PhraseFamily {
  /** stable id, also the key in weights.json */
  id: string;
  /** shown to the rep when no matched phrase is at hand */
  label: string;
  /** what the family is a sign of; the weight is learned, this only groups them for the count features */
  side: 'pitch' | 'service';
  patterns: readonly string[];
}
