// Imitates what LinkedIn's own code does when a message or invitation leaves, in the page's main world and
// in the bubble phase (after the guard's capture listeners have had their say). Injected into fixtures by
// the e2e tests; it records every send in window.__li.sent so a test can prove a held message did not leave.
(() => {
  const li = (window.__li = { sent: [] });
  const roots = () => {
    const out = [document];
    const outlet = document.querySelector('#interop-outlet');
    if (outlet && outlet.shadowRoot) out.push(outlet.shadowRoot);
    return out;
  };
  const textOf = (editor) => [...editor.querySelectorAll('p')].map((p) => p.textContent).join('\n').trim();

  function appendOutbound(container, text) {
    const list = container.querySelector('ul.msg-s-message-list-content');
    if (!list) return;
    const item = document.createElement('li');
    item.className = 'msg-s-message-list__event';
    const n = li.sent.length;
    item.innerHTML = `<div class="msg-s-event-listitem" data-event-urn="urn:li:msg_message:(sim,${n})" data-view-name="message-list-item"><p class="msg-s-event-listitem__body"></p></div>`;
    item.querySelector('p').textContent = text;
    const before = list.querySelector('.msg-s-message-list__typing-indicator-container--without-seen-receipt') || null;
    list.insertBefore(item, before);
  }

  function sendMessage(form) {
    const editor = form.querySelector('.msg-form__contenteditable');
    const text = editor ? textOf(editor) : '';
    if (!text) return;
    const container = form.closest('.msg-convo-wrapper') || form.parentElement;
    li.sent.push({ kind: 'message', text });
    appendOutbound(container, text);
    editor.innerHTML = '<p><br></p>';
    const send = form.querySelector('button.msg-form__send-button');
    if (send) send.disabled = true;
  }

  function onInput(event) {
    const editor = event.composedPath()[0];
    if (!(editor instanceof Element)) return;
    if (editor.matches('.msg-form__contenteditable')) {
      const form = editor.closest('.msg-form');
      const send = form && form.querySelector('button.msg-form__send-button');
      if (send) send.disabled = textOf(editor) === '';
    }
    if (editor.matches('textarea#custom-message')) {
      const modal = editor.closest('.send-invite');
      const send = modal && modal.querySelector('button[aria-label="Send invitation"]');
      if (send) {
        send.disabled = editor.value.trim() === '';
        send.classList.toggle('artdeco-button--disabled', send.disabled);
      }
    }
    if (editor.matches('textarea[name="message"]') && editor.closest('form[data-x-conversation-widget]')) {
      const send = editor.closest('form').querySelector('button[type="submit"]');
      if (send) {
        send.disabled = editor.value.trim() === '';
        send.setAttribute('aria-disabled', String(send.disabled));
      }
    }
  }

  function onClick(event) {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const button = target.closest('button');
    if (!button) return;
    if (button.matches('button.msg-form__send-button')) {
      const form = button.closest('.msg-form');
      if (form && form.tagName !== 'FORM') sendMessage(form); // a <form> sends on its submit event
      return;
    }
    if (button.matches('button.conversations-quick-replies__reply-button')) {
      const text = (button.querySelector('.conversations-quick-replies__reply-content') || button).textContent.trim();
      li.sent.push({ kind: 'quick-reply', text });
      appendOutbound(button.closest('.msg-convo-wrapper'), text);
      return;
    }
    if (button.matches('button[aria-label="Send invitation"]') || button.matches('button[aria-label="Send without a note"]')) {
      const modal = button.closest('.artdeco-modal-overlay');
      const note = modal && modal.querySelector('textarea#custom-message');
      li.sent.push({ kind: 'invitation', text: note ? note.value : '' });
      if (modal) modal.remove();
    }
  }

  function onKeydown(event) {
    if (event.key !== 'Enter' || event.shiftKey) return;
    const editor = event.composedPath()[0];
    if (!(editor instanceof Element) || !editor.matches('.msg-form__contenteditable')) return;
    const form = editor.closest('.msg-form');
    const enterMode = !form.querySelector('button.msg-form__send-button');
    if (enterMode || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      sendMessage(form);
    }
  }

  function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (form.matches('form.msg-form')) return sendMessage(form);
    if (form.matches('form[data-x-conversation-widget="compose-form"]')) {
      const textarea = form.querySelector('textarea[name="message"]');
      const text = textarea.value.trim();
      if (!text) return;
      li.sent.push({ kind: 'salesnav', text });
      const article = document.createElement('article');
      article.innerHTML = '<span aria-label="Message from you"></span><p></p>';
      article.querySelector('p').textContent = text;
      const dialog = form.closest('section[role="dialog"]');
      (dialog.querySelector('[class*="message-list"]') || dialog).append(article);
      textarea.value = '';
    }
  }

  // click, keydown and input are composed: the document sees them from inside shadow roots (composedPath
  // gives the real target). submit is not composed, so shadow roots get their own submit listener.
  const start = () => {
    document.addEventListener('input', onInput);
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKeydown);
    for (const root of roots()) root.addEventListener('submit', onSubmit);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
