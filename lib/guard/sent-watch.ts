import type { GuardVerdict } from '../messaging/guard';
import type { ComposerHandle, ComposerSnapshot } from './adapter';
import { bodyFingerprint, containsText } from './fingerprint';
import { keyOf, type GuardCore, type SentWatch, type Watched, type SentWatcher } from './core';

// The sent-watch: after a send passes (clean, released, or sent anyway), whether it really left, and its
// "sent" record in the ledger (provisional first in a window that closes itself on Send).

export function createSentWatcher(core: GuardCore): SentWatcher {
  const { adapter, signal, doc, options, recorder } = core;

  /**
   * Watches whether the send really left and records it. In a window that may close itself on Send (pop-out
   * compose) a provisional record is stored first (`stored` settles once it is). It is confirmed or dropped
   * when waitForSent answers; without an answer (the page went, the watch timed out) it stands as sent — a
   * missing "sent" would let the rules undercount contacts. One watch per send: a second send from the same
   * composer while the first one's proof is pending gets its own (LinkedIn composers stay open); the same
   * draft again while its watch runs is a double click on Send, not a second message.
   */
  function afterSend(w: Watched, snapshot: ComposerSnapshot, verdict: GuardVerdict | null): SentWatch | null {
    const key = keyOf(snapshot);
    if (w.sentWatches.has(key) || !w.handle || snapshot.recipients.length === 0) return null;
    const ac = new AbortController();
    // Not tied to the composer: Gmail closes the compose window when the mail leaves.
    const stop = () => ac.abort();
    const lifetime = options.sentSignal ?? signal;
    if (lifetime.aborted) return null;
    w.sentWatches.set(key, ac);
    const pass = w.release;
    let abandoned = false;
    lifetime.addEventListener('abort', stop, { once: true });
    const timeout = setTimeout(stop, 120_000);
    const disclosure = verdict?.disclosure ?? [...w.cache.values()].find((e) => e.verdict?.disclosure)?.verdict?.disclosure;
    const disclosureIncluded = containsText(snapshot.body, disclosure?.nl) || containsText(snapshot.body, disclosure?.en);
    const handle = w.handle;
    const event = bodyFingerprint(snapshot.body, snapshot.recipients).then((fingerprint) => ({
      kind: 'outbound-sent' as const,
      site: adapter.site,
      channel: snapshot.channel,
      recipients: snapshot.recipients.slice(0, 500),
      disclosureIncluded,
      bodyFingerprint: fingerprint,
    }));
    const provisional = closesOnSend(handle) ? event.then((e) => recorder.provisional(e)) : null;
    void handle
      .waitForSent(ac.signal)
      .then(async (outcome) => {
        const record = await provisional;
        if (abandoned) return record?.drop();
        if (ac.signal.aborted) return record?.stand(); // no answer before the watch ended
        if (outcome !== 'sent') return record?.drop();
        if (record) return record.confirm();
        await recorder.record(await event);
      })
      .catch(async (error: unknown) => {
        if (!ac.signal.aborted) console.warn('[outreach-guard] could not tell whether the message left', error);
        const record = await provisional?.catch(() => null);
        await (abandoned ? record?.drop() : record?.stand());
      })
      .finally(() => {
        clearTimeout(timeout);
        lifetime.removeEventListener('abort', stop);
        if (w.sentWatches.get(key) === ac) w.sentWatches.delete(key);
        // this send's pass is used up; an abandoned one stays for the rep's next Send
        if (!abandoned && w.release === pass) w.release = null;
      });
    return {
      stored: provisional,
      abandon: () => {
        abandoned = true;
        ac.abort();
        // at once, not only when waitForSent notices the abort: a pop-out closing now must not leave it standing
        void provisional?.then((record) => record.drop(), () => undefined);
      },
    };
  }

  /** the adapter knows; without a word from it, a window another page opened may be closed by it */
  const closesOnSend = (handle: ComposerHandle): boolean => {
    try {
      return handle.closesOnSend?.() ?? !!doc.defaultView?.opener;
    } catch {
      return true; // cannot tell: the provisional record costs one storage write
    }
  };

  return { afterSend };
}
