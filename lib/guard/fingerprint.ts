// The body fingerprint moved to lib/rules/fingerprint.ts (one home, used by the guard and the background).
export { bodyFingerprint, containsText, normalizeForFingerprint } from '../rules/fingerprint';
