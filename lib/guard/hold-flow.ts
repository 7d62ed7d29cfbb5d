import type { GuardVerdict } from '../messaging/guard';
import type { ComposerSnapshot, SendTrigger } from './adapter';
import { langOfView, type HoldAction, type HoldView } from '../../components/guard/HoldDialog';
import { strings } from '../../components/guard/strings';
import { keyOf, type GuardCore, type Hold, type Release, type Watched, type HoldFlow } from './core';

// The hold flow: a held send waits for its verdict (showing "checking…" when that takes a moment), then is
// either released (exactly one re-issue that our listener lets pass) or shows the hold dialog.

export function createHoldFlow(core: GuardCore): HoldFlow {
  const { lang, checkingAfter, provisionalWaitMs, watched } = core;
  const setState = (w: Watched, state: Parameters<GuardCore['composers']['setState']>[1]) => core.composers.setState(w, state);
  const reportTab = () => core.composers.reportTab();
  const ensureVerdict = (...a: Parameters<GuardCore['verdicts']['ensureVerdict']>) => core.verdicts.ensureVerdict(...a);

  function startHold(
    w: Watched,
    trigger: SendTrigger,
    event: Event,
    snapshot: ComposerSnapshot | null,
    key: string | null,
    readError: string | null,
    fallback: boolean,
  ) {
    // composedPath() is empty once the event's dispatch is over: the target is kept for a later re-issue
    const target = (event.composedPath()[0] as EventTarget | undefined) ?? event.target;
    const hold: Hold = { trigger, event, target, snapshot, key, view: { kind: 'checking' }, ui: null, busy: false, fallback };
    w.hold = hold;
    setState(w, 'held');
    reportTab();
    if (!snapshot || !key || readError) {
      hold.view = { kind: 'failed', message: readError ?? 'the composer could not be read' };
      paint(w, hold);
      return;
    }
    hold.timer = setTimeout(() => {
      if (w.hold === hold && !hold.ui && w.root.isConnected) paint(w, hold);
    }, checkingAfter);
    void decideHold(w, hold, snapshot, key);
  }

  /** Awaits the verdict for the held draft; if the rep kept typing meanwhile, checks the new text too. */
  async function decideHold(w: Watched, hold: Hold, snapshot: ComposerSnapshot, key: string, round = 0): Promise<void> {
    const cached = w.cache.get(key);
    // A verdict that is still coming is awaited; an older "not allowed" is asked again (the ledger may have changed).
    const fresh = cached?.status === 'pending' || (cached?.status === 'done' && Date.now() - cached.at < 1000);
    const entry = fresh && cached ? cached : ensureVerdict(w, snapshot, key, true);
    await entry.promise;
    if (w.hold !== hold || w.ac.signal.aborted) return; // cancelled, or the composer went away
    if (!w.root.isConnected) {
      core.composers.dispose(w); // removed during the check: abort cleanly, nothing left to send
      return;
    }
    let now: ComposerSnapshot | null = null;
    try {
      now = w.handle?.read() ?? null;
    } catch {
      now = null;
    }
    const nowKey = now ? keyOf(now) : key;
    if (now && nowKey !== key && round < 3) {
      hold.snapshot = now;
      hold.key = nowKey;
      return decideHold(w, hold, now, nowKey, round + 1);
    }
    clearTimeout(hold.timer);
    if (entry.status === 'done' && entry.verdict?.decision === 'allow' && nowKey === key) {
      release(w, hold, entry.verdict);
      return;
    }
    hold.view = entry.status === 'done' && entry.verdict ? { kind: 'verdict', verdict: entry.verdict } : { kind: 'failed', message: entry.error ?? 'no answer' };
    paint(w, hold);
  }

  const paint = (w: Watched, hold: Hold) => {
    if (w.hold !== hold) return;
    const props = {
      lang,
      view: hold.view,
      canRemoveRecipient: typeof w.handle?.removeRecipient === 'function',
      ...(hold.snapshot ? { channel: hold.snapshot.channel } : {}),
      busy: hold.busy,
      error: hold.error,
      hint: hold.hint,
      // the explanation from the marker: the fixes work, but it neither sends nor overrides
      ...(hold.explain ? { canOverride: false, canSend: false } : {}),
      onAction: (action: HoldAction) => void core.actions.onAction(w, hold, action),
    };
    if (hold.ui) hold.ui.update(props);
    else hold.ui = core.mountHold(w.root.ownerDocument, props, (why) => dialogFailed(w, hold, why));
  };

  /** The dialog could not be shown: the send stays unsent, and the composer and toolbar say why. */
  const dialogFailed = (w: Watched, hold: Hold, why: string) => {
    if (w.hold !== hold) return;
    hold.ui = null;
    closeHold(w, hold);
    core.composers.setInactive(w, new Error(why));
  };

  const closeHold = (w: Watched, hold: Hold) => {
    if (hold.timer) clearTimeout(hold.timer);
    hold.ui?.close();
    if (w.hold === hold) w.hold = null;
    core.verdicts.settleState(w);
    if (w.failure) setState(w, 'inactive');
    reportTab();
  };

  /**
   * Lets the held send go: exactly one re-issue, which our own listener lets pass. The hold ends only once
   * the adapter re-sent it: a re-send that throws (the quick-reply button or the compose is gone) keeps the
   * hold with a visible error instead of a closed dialog the rep would take for a sent message.
   */
  function release(w: Watched, hold: Hold, verdict: GuardVerdict | null) {
    let snapshot = hold.snapshot;
    let key = hold.key;
    try {
      if (w.handle) {
        snapshot = w.handle.read();
        key = keyOf(snapshot);
      }
    } catch {
      key = null;
    }
    // Without a handle the re-issue may be ignored by the site; the rep's next click then passes.
    const pass: Release = { key, until: Date.now() + (hold.fallback ? 10_000 : 1500 + provisionalWaitMs), watched: false };
    w.release = pass;
    hold.resendFailed = false;
    // The dialog goes first: the re-send finds the page (and focus) as the rep's own Send would.
    if (hold.timer) clearTimeout(hold.timer);
    hold.ui?.close();
    hold.ui = null;
    // Watched from before the re-send, so the site's reaction to it cannot be missed.
    const watch = snapshot && w.handle && !hold.fallback ? core.sent.afterSend(w, snapshot, verdict) : null;
    pass.watched = !!watch;
    const resend = () => {
      if (w.hold !== hold) {
        watch?.abandon(); // the composer went away meanwhile: nothing left to send
        return;
      }
      try {
        if (w.handle && !hold.fallback) w.handle.resend(hold.trigger, hold.event);
        else reissue(hold.event, hold.target);
      } catch (error) {
        console.error('[outreach-guard] could not re-send the held message; press Send again', error);
        watch?.abandon();
        resendFailed(w, hold, pass, verdict);
        return;
      }
      closeHold(w, hold);
      if (verdict?.decision === 'allow') setState(w, 'clean');
    };
    // A window that closes itself on Send takes this page with it: the provisional record must be stored
    // first. A storage that does not answer quickly does not keep the send back.
    if (!watch?.stored) {
      resend();
      return;
    }
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(t);
      resend();
    };
    const t = setTimeout(go, provisionalWaitMs);
    void watch.stored.then(go, go);
  }

  /** The re-send failed: the dialog comes back saying so, and the rep's next Send of this draft passes. */
  function resendFailed(w: Watched, hold: Hold, pass: Release, verdict: GuardVerdict | null) {
    hold.resendFailed = true;
    // a clean draft released straight from the check never showed its verdict: the dialog offers Send
    if (verdict) hold.view = { kind: 'verdict', verdict };
    hold.busy = false;
    hold.error = strings[langOfView(hold.view, lang)].resendFailed;
    // time to read the dialog, close it and press the site's Send (the draft key still has to match)
    pass.until = Date.now() + 60_000;
    pass.watched = false;
    paint(w, hold);
    reportTab();
  }

  async function recheck(w: Watched, hold: Hold) {
    if (!w.handle) throw new Error(hold.view.kind === 'failed' ? hold.view.message : 'no composer');
    const snapshot = w.handle.read();
    const key = keyOf(snapshot);
    // a hint belongs to the verdict it was given for
    hold.hint = undefined;
    hold.snapshot = snapshot;
    hold.key = key;
    w.lastKey = key;
    const entry = ensureVerdict(w, snapshot, key, true);
    await entry.promise;
    if (w.hold !== hold) return;
    hold.view = entry.status === 'done' && entry.verdict ? { kind: 'verdict', verdict: entry.verdict } : { kind: 'failed', message: entry.error ?? 'no answer' };
  }

  /**
   * The same explanation as a hold, opened from the composer's marker. Nothing was held: it is a hold that
   * never sends (no "send anyway", no Send; a send pressed meanwhile is swallowed like during any hold), and
   * its fixes work as in the hold (record a basis, do-not-contact, remove a recipient, insert the notice).
   */
  const explain = (w: Watched) => {
    if (w.hold || watched.get(w.root) !== w) return;
    let snapshot: ComposerSnapshot | null = null;
    let key: string | null = w.lastKey;
    try {
      snapshot = w.handle?.read() ?? null;
      if (snapshot) key = keyOf(snapshot);
    } catch {
      snapshot = null;
    }
    const entry = key ? w.cache.get(key) : undefined;
    const viewOf = (): HoldView =>
      entry?.status === 'done' && entry.verdict
        ? { kind: 'verdict', verdict: entry.verdict }
        : entry?.status === 'failed'
          ? { kind: 'failed', message: entry.error ?? 'no answer' }
          : { kind: 'checking' };
    const hold: Hold = { trigger: 'button', event: new Event('explain'), target: null, snapshot, key, view: viewOf(), ui: null, busy: false, fallback: false, explain: true };
    w.hold = hold;
    paint(w, hold);
    if (hold.view.kind !== 'checking') return;
    // still being checked: show the verdict once it is there (or ask for one the draft never had)
    const pending = entry ?? (snapshot && key ? ensureVerdict(w, snapshot, key) : null);
    if (!pending) return;
    void pending.promise.then(() => {
      if (w.hold !== hold || hold.view.kind !== 'checking') return;
      hold.view = pending.status === 'done' && pending.verdict ? { kind: 'verdict', verdict: pending.verdict } : { kind: 'failed', message: pending.error ?? 'no answer' };
      paint(w, hold);
    });
  };

  return { startHold, paint, closeHold, release, recheck, explain };
}

/** Re-issues a held event on its original target (used only when no adapter handle exists). */
function reissue(event: Event, heldTarget: EventTarget | null) {
  const target = heldTarget as HTMLElement | null;
  if (!target) return;
  if (event.type === 'submit') {
    (target as HTMLFormElement).requestSubmit?.();
  } else if (event.type === 'click') {
    target.click();
  } else if (event.type === 'keydown') {
    const k = event as KeyboardEvent;
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k.key, code: k.code, ctrlKey: k.ctrlKey, metaKey: k.metaKey, shiftKey: k.shiftKey, bubbles: true, cancelable: true, composed: true }));
  }
}
