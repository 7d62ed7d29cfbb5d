// The host elements of the guard's own UI, known by identity (a page can copy an attribute, not this set):
// the guard never takes a click or key on them for a send of the page's.
const hosts = new WeakSet<Element>();

export const markOurHost = <T extends Element>(host: T): T => {
  hosts.add(host);
  return host;
};

export const isOurHost = (node: unknown): boolean => node instanceof Element && hosts.has(node);
