import { runGuardFrame } from './app';

// The guard's isolated UI (hold dialog, "not active here" badge, Save to my list, notices), framed into
// the sites' pages by the content scripts. Wiring only.
runGuardFrame(window);
